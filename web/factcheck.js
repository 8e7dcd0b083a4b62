/*
 * factcheck.js: the loader of the fact-check widget.
 *
 * It defines window.FactCheck, reads the configuration, loads the Go
 * runtime (wasm_exec.js) and the widget (factcheck.wasm) from its own
 * directory and runs it. The widget then attaches itself through
 * FactCheck._host.attach. When something goes wrong, the loader shows a small
 * notice and leaves the page as it was.
 *
 *   <script src="https://widget.example/web/factcheck.js" defer
 *           data-statements="/statements.jsonld" data-root="article"
 *           data-verdicts="misquoted,disputed"></script>
 *
 * Optional: data-runtime-integrity and data-wasm-integrity (SRI hashes of
 * wasm_exec.js and factcheck.wasm) and window.FactCheckConfig with the keys
 * statements, root, verdicts and base (the script tag's attributes win).
 */
(function () {
  'use strict';

  var VERSION = '0.1.0';
  var VERDICTS = ['verified', 'misquoted', 'misattributed', 'disputed'];
  var CSP_MESSAGE = "This page's Content Security Policy blocks WebAssembly; " +
    "the fact-check widget needs script-src 'wasm-unsafe-eval'.";
  var NOTICE_CSS = [
    ':host { all: initial; position: fixed; right: 16px; bottom: 16px;',
    '  z-index: 2147483647; display: flex; flex-direction: column; gap: 8px;',
    '  max-width: min(360px, calc(100vw - 32px));',
    '  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }',
    '.box { display: flex; align-items: flex-start; gap: 8px; margin: 0;',
    '  padding: 10px 10px 10px 14px; border-radius: 8px; border-left: 4px solid #2563eb;',
    '  background: #fff; color: #1f2328; box-shadow: 0 4px 16px rgba(0, 0, 0, .18); }',
    '.box.error { border-left-color: #c62828; }',
    '.message { margin: 0; flex: 1; overflow-wrap: anywhere; }',
    '.close { all: unset; cursor: pointer; padding: 0 6px; border-radius: 4px;',
    '  font-size: 18px; line-height: 1; color: inherit; opacity: .7; }',
    '.close:hover { opacity: 1; }',
    '.close:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }',
    '@media (prefers-color-scheme: dark) {',
    '  .box { background: #1f2328; color: #e6edf3; box-shadow: 0 4px 16px rgba(0, 0, 0, .5); }',
    '  .box.error { border-left-color: #ef5350; } }',
    '@media print { :host { display: none; } }'
  ].join('\n');

  // Loaded a second time (a second tag, the bookmarklet): re-scan once the
  // first copy is running, leave a load in progress alone.
  if (window.FactCheck) {
    var first = window.FactCheck._host;
    if (!first) {
      console.warn('factcheck: window.FactCheck belongs to another script; not loading.');
    } else if (first.state !== 'loading') {
      window.FactCheck.scan().catch(function () {}); // a failure shows its own notice
    }
    return;
  }

  var script = document.currentScript || lastLoaderScript();
  var state = 'loading'; // 'loading' | 'attached' | 'failed'
  var impl = null;       // what the wasm attached
  var queue = [];        // scan() calls waiting for the wasm: {args, resolve, reject}
  var policy = null;     // Trusted Types policy for the runtime's URL
  var config;
  try {
    config = readConfig();
  } catch (err) {
    notice(err.message, 'error');
    return;
  }
  var runtimeURL = config.base + 'wasm_exec.js';
  var wasmURL = config.base + 'factcheck.wasm';

  var host = {
    config: config,
    bundle: undefined, // the fetch of config.statements, once started
    notice: notice,
    attach: attach,
    get state() { return state; }
  };
  var api = {
    version: VERSION,
    scan: function () {
      var args = Array.prototype.slice.call(arguments);
      return new Promise(function (resolve, reject) {
        if (impl) {
          resolve(impl.scan.apply(impl, args));
          return;
        }
        queue.push({ args: args, resolve: resolve, reject: reject });
        if (state === 'failed') {
          start();
        }
      });
    },
    annotations: function () {
      return impl ? impl.annotations() : [];
    },
    clear: function () {
      if (impl) {
        impl.clear();
      }
    }
  };
  Object.defineProperty(api, '_host', { value: host });
  window.FactCheck = api;
  start();

  // lastLoaderScript finds the loader's tag when document.currentScript
  // is not set.
  function lastLoaderScript() {
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/(^|\/)factcheck\.js$/.test(scripts[i].src.split(/[?#]/)[0])) {
        return scripts[i];
      }
    }
    return null;
  }

  function attribute(name) {
    return script && script.hasAttribute(name) ? script.getAttribute(name) : null;
  }

  function readConfig() {
    var given = window.FactCheckConfig || {};
    var statements = pick(attribute('data-statements'), given.statements);
    var root = pick(attribute('data-root'), given.root);
    return {
      statements: statements ? resolveURL(statements, document.baseURI, 'statements') : null,
      root: root ? String(root) : null,
      verdicts: verdicts(pick(attribute('data-verdicts'), given.verdicts)),
      base: base(given.base)
    };
  }

  function pick(fromTag, fromConfig) {
    return fromTag !== null ? fromTag : fromConfig == null ? null : fromConfig;
  }

  function resolveURL(url, against, what) {
    try {
      return new URL(String(url), against).href;
    } catch (err) {
      throw new Error('The ' + what + ' URL "' + url + '" is not valid.');
    }
  }

  // verdicts reads a comma-separated string or an array of verdict names;
  // none given (or an empty string) means all.
  function verdicts(value) {
    if (value == null || value === '') {
      return VERDICTS.slice();
    }
    var names = Array.isArray(value) ? value : String(value).split(',');
    var out = [];
    names.forEach(function (name) {
      name = String(name).trim().toLowerCase();
      if (VERDICTS.indexOf(name) < 0) {
        if (name) {
          console.warn('factcheck: unknown verdict "' + name + '" ignored; known: ' + VERDICTS.join(', '));
        }
      } else if (out.indexOf(name) < 0) {
        out.push(name);
      }
    });
    return out;
  }

  // base is the directory that holds the widget's files: FactCheckConfig.base
  // if given (for a loader bundled into another script), else the loader's own.
  function base(given) {
    var url;
    if (given) {
      url = resolveURL(given, document.baseURI, 'base');
      return /\/$/.test(url) ? url : url + '/';
    }
    if (script && script.src) {
      return new URL('.', script.src).href;
    }
    throw new Error('Cannot find the URL of factcheck.js; set FactCheckConfig.base.');
  }

  function start() {
    state = 'loading';
    var go;
    Promise.resolve()
      .then(function () {
        if (typeof WebAssembly === 'undefined') {
          throw new EvalError('WebAssembly is not available (typeof WebAssembly === "undefined")');
        }
        // The widget downloads and compiles while the Go runtime loads,
        // and the statement bundle downloads meanwhile too: the widget
        // takes the response (host.bundle) when it first needs it.
        if (config.statements) {
          try {
            host.bundle = fetch(config.statements, { credentials: 'omit' });
            host.bundle.catch(function () {}); // the widget reports it
          } catch (err) {
            host.bundle = undefined; // the widget fetches, and reports
          }
        }
        var module = compile();
        module.catch(function () {}); // reported below, once the runtime is there
        return loadRuntime().then(function () {
          return module;
        });
      })
      .then(function (module) {
        go = new window.Go();
        return WebAssembly.instantiate(module, go.importObject);
      })
      .then(function (instance) {
        return documentReady().then(function () {
          return run(go, instance);
        });
      })
      .catch(fail);
  }

  function attach(it) {
    if (impl) {
      throw new Error('factcheck: the widget is attached already');
    }
    if (!it || typeof it.scan !== 'function' || typeof it.annotations !== 'function' ||
        typeof it.clear !== 'function') {
      throw new TypeError('factcheck: attach needs { scan, annotations, clear }');
    }
    impl = it;
    state = 'attached';
    var waiting = queue;
    queue = [];
    // Forward after attach has returned to the wasm.
    waiting.forEach(function (job) {
      Promise.resolve().then(function () {
        return impl.scan.apply(impl, job.args);
      }).then(job.resolve, job.reject);
    });
  }

  // fail shows why the widget is not running and settles what waits for it.
  function fail(err) {
    state = 'failed';
    impl = null;
    if (err.cause || !err.factcheckNotice) {
      console.error('factcheck:', err.cause || err);
    }
    notice(err.factcheckNotice ? err.message : isCSPError(err) ? CSP_MESSAGE :
      'The fact-check widget could not start: ' + err.message, 'error');
    var waiting = queue;
    queue = [];
    waiting.forEach(function (job) {
      job.reject(err);
    });
  }

  // noticeError is an error whose message is fit for the reader.
  function noticeError(message, cause) {
    var err = new Error(message);
    err.factcheckNotice = true;
    err.cause = cause;
    return err;
  }

  function isCSPError(err) {
    if (typeof WebAssembly === 'undefined') {
      return true;
    }
    return (err instanceof EvalError || err instanceof WebAssembly.CompileError) &&
      /wasm-unsafe-eval|unsafe-eval|Content Security Policy|CSP/i.test(String(err.message));
  }

  // loadFailure explains why url did not load, with its HTTP status when the
  // server answered with an error.
  function loadFailure(url, status, cause) {
    return noticeError('Could not load ' + url + (status ? ' (HTTP ' + status + ').' : '.'), cause);
  }

  // statusOf asks the server for url's status (0: unknown or fine).
  function statusOf(url) {
    return fetch(url, { method: 'HEAD', cache: 'no-store' }).then(function (res) {
      return res.ok ? 0 : res.status;
    }, function () {
      return 0;
    });
  }

  function loadRuntime() {
    if (typeof window.Go === 'function') {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.setAttribute('data-factcheck-ui', '');
      var integrity = attribute('data-runtime-integrity');
      if (integrity) {
        el.integrity = integrity;
        el.crossOrigin = 'anonymous';
      }
      if (script && script.nonce) {
        el.nonce = script.nonce;
      }
      el.onload = function () {
        el.remove();
        if (typeof window.Go === 'function') {
          resolve();
        } else {
          reject(noticeError(runtimeURL + ' did not define the Go runtime.'));
        }
      };
      el.onerror = function () {
        el.remove();
        statusOf(runtimeURL).then(function (status) {
          reject(loadFailure(runtimeURL, status));
        });
      };
      el.src = trustedScriptURL(runtimeURL);
      (document.head || document.documentElement).appendChild(el);
    });
  }

  // trustedScriptURL wraps the runtime's URL for pages that enforce Trusted
  // Types; the policy accepts that one URL only.
  function trustedScriptURL(url) {
    if (!window.trustedTypes || !window.trustedTypes.createPolicy) {
      return url;
    }
    if (!policy) {
      try {
        policy = window.trustedTypes.createPolicy('factcheck', {
          createScriptURL: function (u) {
            if (u !== runtimeURL) {
              throw new TypeError('factcheck: unexpected script URL ' + u);
            }
            return u;
          }
        });
      } catch (err) {
        console.warn('factcheck: cannot create the Trusted Types policy "factcheck":', err);
        return url;
      }
    }
    return policy.createScriptURL(url);
  }

  // compile fetches and compiles the widget. It streams when the server
  // sends application/wasm; compileStreaming refuses any other type, so
  // then it reads the whole file first.
  function compile() {
    var init = { credentials: 'same-origin' };
    var integrity = attribute('data-wasm-integrity');
    if (integrity) {
      init.integrity = integrity;
    }
    return fetch(wasmURL, init).then(function (res) {
      if (!res.ok) {
        throw loadFailure(wasmURL, res.status);
      }
      var type = (res.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
      if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') {
        return WebAssembly.compileStreaming(res);
      }
      return res.arrayBuffer().then(function (bytes) {
        return WebAssembly.compile(bytes);
      });
    }, function (err) {
      throw loadFailure(wasmURL, 0, err);
    });
  }

  // documentReady waits for the article to be parsed: the widget reads it as
  // soon as it runs.
  function documentReady() {
    if (document.readyState !== 'loading') {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      document.addEventListener('DOMContentLoaded', resolve, { once: true });
    });
  }

  // run runs the widget; it only returns when the Go program ends, which it
  // should not.
  function run(go, instance) {
    var exitCode = 0;
    var exit = go.exit;
    go.exit = function (code) {
      exitCode = code;
      exit.call(go, code);
    };
    return go.run(instance).then(function () {
      throw noticeError('The fact-check widget stopped' +
        (exitCode ? ' (exit code ' + exitCode + ').' : '.'));
    });
  }

  // notice shows a message in a small box at the bottom right of the page
  // (one box per distinct message) and logs it.
  function notice(message, level) {
    level = level === 'error' ? 'error' : 'info';
    message = String(message);
    (level === 'error' ? console.error : console.info)('factcheck: ' + message);
    var root = noticeRoot();
    var shown = root.querySelectorAll('.box.' + level + ' .message');
    for (var i = 0; i < shown.length; i++) {
      if (shown[i].textContent === message) {
        return;
      }
    }
    var box = document.createElement('div');
    box.className = 'box ' + level;
    box.setAttribute('role', level === 'error' ? 'alert' : 'status');
    var text = document.createElement('p');
    text.className = 'message';
    text.textContent = message;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () {
      box.remove();
      if (!root.querySelector('.box')) {
        root.host.remove();
      }
    });
    box.appendChild(text);
    box.appendChild(close);
    root.appendChild(box);
  }

  // noticeRoot returns the shadow root that holds the notices, adding its
  // host element to the page if needed.
  function noticeRoot() {
    var el = document.querySelector('factcheck-notice[data-factcheck-ui]');
    if (el && el.shadowRoot) {
      return el.shadowRoot;
    }
    el = document.createElement('factcheck-notice');
    el.setAttribute('data-factcheck-ui', '');
    var root = el.attachShadow({ mode: 'open' });
    addStyles(root);
    (document.body || document.documentElement).appendChild(el);
    return root;
  }

  // addStyles prefers a constructed style sheet, which a strict style-src
  // does not block, to a <style> element.
  function addStyles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(NOTICE_CSS);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (err) {
        // fall through to <style>
      }
    }
    var style = document.createElement('style');
    style.textContent = NOTICE_CSS;
    root.appendChild(style);
  }
})();
