#!/usr/bin/env bash
# build.sh builds, serves and tests the fact-check widget.
#
#   ./build.sh [build]  build web/factcheck.wasm, copy web/wasm_exec.js, write
#                       .gz/.br variants, print sizes and SRI hashes
#   ./build.sh serve    build, then serve the repository on 127.0.0.1:${PORT:-8080}
#   ./build.sh compress FILE...
#                       write the .gz/.br variants of files, as the build does
#                       (the dev server's test runs it)
#   ./build.sh bundle COMMAND ARGS...
#                       the publisher's bundle tool (validate, build, stats),
#                       internal/bundletool/cmd/factcheck, run where you are
#   ./build.sh test     install what the tests need (Chromium, Firefox ESR,
#                       WebKitGTK's driver, Xvfb, wasmbrowsertest), then gofmt,
#                       vet, unit, browser, fuzz, end-to-end and cross-engine
#                       tests
#   ./build.sh eval     print how accurate the engine is (claims, quotes,
#                       shapes; figures in .cache/eval.json) and check them
#                       against internal/eval/floors.json
#   ./build.sh fuzz     run every fuzz target for ${FUZZTIME:-10m} (or a count:
#                       FUZZTIME=1000000x)
#   ./build.sh bench [flags]
#                       build, then measure the widget in headless Chromium
#                       beside its JavaScript peer (approx-string-match and
#                       mark.js, which npm ci installs into .cache/peer)
#                       (table on stdout, JSON in .cache/bench.json; flags go
#                       to internal/benchmark/cmd/bench: -runs N, -out FILE,
#                       -pages demo,S,L,CLEF, -clef DIR, -peer-all, -no-peer,
#                       -profile DIR) and the engine with go test -bench
#                       (.cache/bench-engine.txt)
#
# Needs Go; `test` also needs apt-get (or the browsers installed) the first
# time.
set -euo pipefail

# The bundle tool reads and writes files named relative to where it was run.
caller_dir=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")"

die() {
	echo "build.sh: error: $*" >&2
	exit 1
}

step() {
	printf '\n==> %s\n' "$*"
}

command -v go >/dev/null || die "Go is not installed; see https://go.dev/doc/install"

# The files a page loads, in the order the loader needs them.
ASSETS=(web/factcheck.js web/wasm_exec.js web/factcheck.wasm)

build() {
	compile_default
	step "building web/factcheck.wasm"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o web/factcheck.wasm ./wasm ||
		die "the wasm build failed (see above)"
	# Joining the linker's data segments takes 6% off the compressed
	# module (internal/wasmdata).
	go run ./internal/wasmdata/cmd/wasmdata web/factcheck.wasm ||
		die "cannot join the data segments of web/factcheck.wasm (see above)"
	local runtime
	runtime="$(go env GOROOT)/lib/wasm/wasm_exec.js"
	[[ -f $runtime ]] || die "$runtime is missing: this Go has no wasm runtime"
	cp "$runtime" web/wasm_exec.js
	compress "${ASSETS[@]}"
	report
}

# compile_default writes wasm/default.fcb, the built-in bundle compiled,
# which the widget embeds: generated, never committed, so that it is always
# the current matcher's.
compile_default() {
	go run ./internal/bundletool/cmd/factcheck compile -strict -o wasm/default.fcb internal/bundle/default.jsonld ||
		die "cannot compile the built-in bundle (see above)"
}

# compress writes .gz and, when brotli is installed, .br next to each file,
# with the file's own modification time: brotli would give the .br that time
# cut to the second, which looks older than the file.
compress() {
	local f
	command -v brotli >/dev/null || echo "build.sh: brotli is not installed; skipping .br files" >&2
	for f; do
		gzip -9 -k -f -n "$f"
		touch -r "$f" "$f.gz"
		if command -v brotli >/dev/null; then
			brotli -f -q 11 -o "$f.br" "$f"
			touch -r "$f" "$f.br"
		else
			rm -f "$f.br"
		fi
	done
}

size() {
	if [[ -f $1 ]]; then stat -c %s "$1"; else echo -; fi
}

# sri prints the Subresource Integrity hash of a file (sha384, base64).
sri() {
	local hex
	hex="$(sha384sum "$1")"
	hex="${hex%% *}"
	# Each pair of hex digits becomes a \xHH escape for printf %b.
	printf "sha384-%s" "$(printf '%b' "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)"
}

report() {
	local f
	printf '\n%-22s %10s %10s %10s\n' file "raw B" "gzip B" "brotli B"
	for f in "${ASSETS[@]}"; do
		printf '%-22s %10s %10s %10s\n' "$f" "$(size "$f")" "$(size "$f.gz")" "$(size "$f.br")"
	done
	printf '\nSRI hashes (integrity, data-runtime-integrity, data-wasm-integrity):\n'
	for f in "${ASSETS[@]}"; do
		printf '%-22s %s\n' "$f" "$(sri "$f")"
	done
}

serve() {
	build
	step "serving on http://127.0.0.1:${PORT:-8080}"
	exec go run ./internal/devserver/cmd/devserver -addr "127.0.0.1:${PORT:-8080}" -root .
}

chromium_bin() {
	command -v chromium || command -v chromium-browser || command -v google-chrome
}

# The other engines of the cross-engine tests (internal/crossbrowser, through
# internal/webdriver): Firefox over WebDriver BiDi (Debian has no
# geckodriver; Firefox's remote agent speaks BiDi itself), and WebKitGTK's
# WebKitWebDriver with MiniBrowser, in an Xvfb display.
firefox_bin() {
	command -v firefox-esr || command -v firefox
}

has_minibrowser() {
	compgen -G '/usr/lib/*/webkit2gtk-4.*/MiniBrowser' >/dev/null
}

# apt_install installs Debian packages; brotli is optional, the rest are not.
apt_install() {
	local sudo=() required=() p
	for p; do
		[[ $p == brotli ]] || required+=("$p")
	done
	if [[ $(id -u) != 0 ]]; then
		if command -v sudo >/dev/null; then
			sudo=(sudo)
		elif ((${#required[@]})); then
			die "installing ${required[*]} needs root or sudo"
		else
			return 0
		fi
	fi
	if ! command -v apt-get >/dev/null; then
		((${#required[@]} == 0)) || die "no apt-get: install ${required[*]} by hand"
		return 0
	fi
	step "installing $*"
	if "${sudo[@]}" apt-get update -q &&
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; then
		return 0
	fi
	((${#required[@]})) || {
		echo "build.sh: brotli is not available; builds skip the .br files" >&2
		return 0
	}
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${required[@]}" ||
		die "could not install ${required[*]}"
}

ensure_tools() {
	local pkgs=() gobin tmp
	chromium_bin >/dev/null || pkgs+=(chromium)
	firefox_bin >/dev/null || pkgs+=(firefox-esr)
	command -v WebKitWebDriver >/dev/null && has_minibrowser || pkgs+=(webkit2gtk-driver)
	command -v Xvfb >/dev/null || pkgs+=(xvfb)
	command -v brotli >/dev/null || pkgs+=(brotli)
	((${#pkgs[@]} == 0)) || apt_install "${pkgs[@]}"
	chromium_bin >/dev/null || die "Chromium is needed for the browser tests and is not on PATH"
	firefox_bin >/dev/null || die "Firefox (Debian's firefox-esr) is needed for the cross-engine tests and is not on PATH"
	command -v WebKitWebDriver >/dev/null ||
		die "WebKitWebDriver (Debian's webkit2gtk-driver) is needed for the cross-engine tests and is not on PATH"
	has_minibrowser ||
		die "MiniBrowser (Debian's libwebkit2gtk-4.1-0) is needed for the cross-engine tests and is not in /usr/lib/*/webkit2gtk-4.*/"
	command -v Xvfb >/dev/null || die "Xvfb (Debian's xvfb) is needed for the WebKitGTK tests and is not on PATH"

	gobin="$(go env GOBIN)"
	if [[ -z $gobin ]]; then
		gobin="$(go env GOPATH)"
		gobin="${gobin%%:*}/bin"
	fi
	export PATH="$gobin:$PATH"
	if ! command -v wasmbrowsertest >/dev/null; then
		step "installing wasmbrowsertest"
		# Outside the module: its chromedp conflicts with ours, and go.mod
		# must not change.
		tmp="$(mktemp -d)"
		(cd "$tmp" && GOFLAGS=-mod=mod GOBIN="$gobin" go install github.com/agnivade/wasmbrowsertest@v0.11.0) ||
			die "could not install wasmbrowsertest"
		rm -rf "$tmp"
	fi
}

# native_packages lists the packages tested natively; the end-to-end and
# cross-engine tests need a fresh build and run last.
native_packages() {
	go list -e ./... | grep -v -e '/internal/e2e$' -e '/internal/crossbrowser$'
}

# js_packages lists the packages with test files that only build for js:
# they run in Chromium through wasmbrowsertest.
js_packages() {
	local format='{{range .TestGoFiles}}{{$.ImportPath}} {{.}}{{"\n"}}{{end}}{{range .XTestGoFiles}}{{$.ImportPath}} {{.}}{{"\n"}}{{end}}'
	comm -13 <(go list -e -f "$format" ./... | sort) \
		<(GOOS=js GOARCH=wasm go list -e -f "$format" ./... | sort) |
		cut -d' ' -f1 | sort -u
}

# fuzz_targets prints "package FuzzName" for every fuzz target.
fuzz_targets() {
	local pkgs
	mapfile -t pkgs < <(native_packages)
	go test -list '^Fuzz' "${pkgs[@]}" |
		awk '/^Fuzz/ { names[n++] = $1; next }
		     /^ok / { for (i = 0; i < n; i++) print $2, names[i]; n = 0 }'
}

# fuzz runs every fuzz target for the given -fuzztime: a duration or a
# count of executions (1000000x).
fuzz() {
	local fuzztime=$1 pkg name targets
	targets="$(fuzz_targets)" || die "could not list the fuzz targets"
	if [[ -z $targets ]]; then
		echo "no fuzz targets"
		return 0
	fi
	while read -r pkg name; do
		step "fuzzing $pkg $name for $fuzztime"
		go test -run='^$' -fuzz="^$name\$" -fuzztime="$fuzztime" "$pkg" ||
			die "fuzzing $name in $pkg failed; the failing input is in that package's testdata/fuzz"
	done <<<"$targets"
}

run_tests() {
	local unformatted pkgs
	ensure_tools

	step "gofmt"
	unformatted="$(gofmt -l wasm internal)"
	[[ -z $unformatted ]] || die "these files need gofmt -w:"$'\n'"$unformatted"

	step "go vet (native and js/wasm)"
	compile_default
	go vet ./... || die "go vet failed"
	GOOS=js GOARCH=wasm go vet ./... || die "go vet (js/wasm) failed"

	step "unit tests"
	mapfile -t pkgs < <(native_packages)
	go test "${pkgs[@]}" || die "unit tests failed"

	mapfile -t pkgs < <(js_packages)
	if ((${#pkgs[@]})); then
		step "browser tests (wasmbrowsertest): ${pkgs[*]}"
		# wasmbrowsertest waits for its page's #doneButton: a test that
		# removes it from the document hangs until the timeout.
		GOOS=js GOARCH=wasm go test -exec wasmbrowsertest -timeout 3m "${pkgs[@]}" ||
			die "browser tests failed"
	fi

	# A count, not a duration: Go 1.26's fuzzing coordinator can fail a
	# target at the end of a -fuzztime duration with "context deadline
	# exceeded" and no failing input (go.dev/issue/75804).
	fuzz 30000x

	evaluate

	build
	step "end-to-end tests"
	go test ./internal/e2e/ -count=1 || die "end-to-end tests failed"

	step "cross-engine tests (Firefox, WebKitGTK)"
	# Required here: without it a missing browser skips its tests.
	FACTCHECK_REQUIRE_ENGINES=1 go test ./internal/crossbrowser/ -count=1 ||
		die "cross-engine tests failed"

	printf '\nbuild.sh: all checks passed\n'
}

# evaluate prints the engine's accuracy and fails below the committed
# floors. With an argument, the directory of Readability's saved pages (or
# "auto": shared/data/readability in a folder above), it also loads them
# with the built widget in headless Chromium (test leaves that to the
# end-to-end tests, which check the same figures).
evaluate() {
	local pages=()
	[[ -n ${1:-} ]] && pages=(-realpages "$1")
	step "accuracy (internal/eval; floors in internal/eval/floors.json)"
	go run ./internal/eval/cmd/eval -floors internal/eval/floors.json "${pages[@]}" ||
		die "an accuracy figure is below its floor (see above)"
}

# peer_install installs the benchmark's JavaScript peer (approx-string-match
# and mark.js, pinned by internal/benchmark/peer/package-lock.json) into
# .cache/peer/node_modules, unless the same lock is installed there already.
peer_install() {
	local src=internal/benchmark/peer dst=.cache/peer
	if [[ -d $dst/node_modules ]] && cmp -s "$src/package.json" "$dst/package.json" &&
		cmp -s "$src/package-lock.json" "$dst/package-lock.json"; then
		return 0
	fi
	command -v npm >/dev/null || die "the benchmark's JavaScript peer needs npm (Debian's npm)"
	step "installing the JavaScript peer (npm ci in $dst)"
	mkdir -p "$dst"
	cp "$src/package.json" "$src/package-lock.json" "$dst/"
	npm ci --prefix "$dst" --no-audit --no-fund || die "could not install the JavaScript peer's packages"
}

# bench measures the widget; it is never part of test: speed is reported,
# not asserted.
bench() {
	chromium_bin >/dev/null || die "the benchmark needs Chromium on PATH (./build.sh test installs it)"
	peer_install
	build
	step "browser benchmark (headless Chromium)"
	go run ./internal/benchmark/cmd/bench -root . "$@" || die "the browser benchmark failed"
	step "engine benchmarks (go test -bench)"
	mkdir -p .cache
	go test -run='^$' -bench=. -benchmem ./internal/match/ ./internal/eval/ | tee .cache/bench-engine.txt ||
		die "the engine benchmarks failed"
}

# bundle_tool runs the publisher's bundle tool (internal/bundletool) in the
# directory build.sh was run from. It is built first, as go run would, but
# go run would run it in the repository.
bundle_tool() {
	mkdir -p .cache
	go build -o .cache/factcheck ./internal/bundletool/cmd/factcheck ||
		die "the bundle tool does not build (see above)"
	cd "$caller_dir"
	exec "$OLDPWD/.cache/factcheck" "$@"
}

case "${1:-build}" in
build) build ;;
bundle)
	shift
	bundle_tool "$@"
	;;
compress)
	shift
	(($#)) || die "compress needs files"
	compress "$@"
	;;
bench)
	shift
	bench "$@"
	;;
serve) serve ;;
test) run_tests ;;
eval)
	build
	evaluate auto
	;;
fuzz) fuzz "${FUZZTIME:-10m}" ;;
*) die "unknown command '$1'; use build, serve, test, eval, fuzz, bench, bundle or compress" ;;
esac
