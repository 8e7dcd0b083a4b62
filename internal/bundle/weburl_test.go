package bundle

import "testing"

func TestWebURLHost(t *testing.T) {
	for s, want := range map[string]string{
		"https://www.whitehouse.gov/briefing-room/": "www.whitehouse.gov",
		"http://example.com":                        "example.com",
		"HTTPS://Example.com/a?b#c":                 "Example.com",
		"https://user:pw@example.com/":              "example.com",
		"https://example.com:8443/x":                "example.com:8443",
		"javascript:alert(1)":                       "",
		"JaVaScRiPt:alert(1)":                       "",
		"data:text/html,<script>alert(1)</script>":  "",
		"https:///path":                             "",
		"https://":                                  "",
		"https://:80/":                              "",
		"https://user@/":                            "",
		"//example.com/":                            "",
		"/relative":                                 "",
		"ftp://example.com/":                        "",
		" https://example.com/":                     "",
		"https://exa mple.com/":                     "",
		"https://example.com/\n":                    "",
		"java\tscript:alert(1)":                     "",
		"":                                          "",
	} {
		if got := WebURLHost(s); got != want {
			t.Errorf("WebURLHost(%q) = %q, want %q", s, got, want)
		}
	}
}
