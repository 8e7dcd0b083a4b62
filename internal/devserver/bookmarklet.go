package devserver

import (
	"strings"
)

// bookmarkletCode is the bookmarklet's script; @SRC@ stands for the loader's
// address. web/bookmarklet.html builds the same code in the browser, and the
// end-to-end tests check that the two agree.
//
// If the widget is on the page already it re-scans; a failed scan shows
// its own notice and logs the error, and the bookmarklet catches the
// rejection, which would otherwise land in the site's error monitoring.
// Otherwise (or when window.FactCheck is another script's, which the
// loader reports) it appends a script for the loader, through a Trusted
// Types policy where the page enforces them (a page that forbids the
// policy still gets the attempt).
const bookmarkletCode = `(function(){` +
	`var F=window.FactCheck;if(F&&F._host){F.scan().catch(function(){});return}` +
	`var u="@SRC@",s=document.createElement("script");` +
	`try{if(window.trustedTypes)u=trustedTypes.createPolicy("factcheck-bookmarklet",{createScriptURL:function(x){return x}}).createScriptURL(u)}catch(e){}` +
	`s.src=u;s.setAttribute("data-factcheck-ui","");` +
	`(document.body||document.documentElement).appendChild(s)` +
	`})()`

// Bookmarklet returns the javascript: URL of a bookmarklet that loads the
// widget served under origin ("http://127.0.0.1:8080", no trailing slash
// needed) into the current page, from origin + "/web/factcheck.js".
// origin must be a serialized URL: it is put between double quotes as is.
func Bookmarklet(origin string) string {
	script := strings.TrimSuffix(origin, "/") + "/web/factcheck.js"
	code := strings.Replace(bookmarkletCode, "@SRC@", script, 1)
	// A javascript: URL is percent-decoded before it runs; spaces are
	// escaped so that the URL survives being copied around.
	return "javascript:" + strings.NewReplacer("%", "%25", " ", "%20").Replace(code)
}
