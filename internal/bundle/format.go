package bundle

import (
	"strconv"
	"strings"
)

// format is the little of fmt.Sprintf that the bundle's messages use: %s
// and %v (strings, errors, anything with a String method), %d (ints) and
// %q (quoted strings). fmt would cost the widget's binary more than
// 100 KB compressed; a verb format does not know is written as it is.
func format(f string, args ...any) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(f, '%')
		if i < 0 || i+1 == len(f) {
			b.WriteString(f)
			return b.String()
		}
		b.WriteString(f[:i])
		verb := f[i+1]
		f = f[i+2:]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if len(args) == 0 {
			b.WriteString("%!" + string(verb) + "(MISSING)")
			continue
		}
		arg := args[0]
		args = args[1:]
		switch verb {
		case 'q':
			b.WriteString(strconv.Quote(text(arg)))
		case 'd':
			if n, ok := arg.(int); ok {
				b.WriteString(strconv.Itoa(n))
			} else {
				b.WriteString(text(arg))
			}
		default:
			b.WriteString(text(arg))
		}
	}
}

// text is arg as %s or %v would write it, for the types the messages use.
func text(arg any) string {
	switch a := arg.(type) {
	case string:
		return a
	case error:
		return a.Error()
	case interface{ String() string }:
		return a.String()
	case int:
		return strconv.Itoa(a)
	}
	return "?"
}
