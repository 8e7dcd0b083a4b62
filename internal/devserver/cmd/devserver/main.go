// Command devserver serves the repository for development: the demo page,
// the widget under /web/ and a bookmarklet that loads the widget into any
// page. `./build.sh serve` builds the widget and runs it.
//
//	go run ./internal/devserver/cmd/devserver [-addr 127.0.0.1:8080] [-root .]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"factcheck/internal/devserver"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	root := flag.String("root", ".", "directory to serve (the repository root)")
	flag.Parse()
	if err := run(*addr, *root); err != nil {
		log.Fatal(err)
	}
}

func run(addr, root string) error {
	h, err := devserver.Handler(root)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	origin := "http://" + ln.Addr().String()
	fmt.Printf("factcheck dev server on %s\n\n", origin)
	fmt.Printf("Demo:        %s/index.html\n", origin)
	fmt.Printf("Bookmarklet: %s/web/bookmarklet.html\n\n", origin)
	fmt.Printf("%s\n\nPress Ctrl-C to stop.\n", devserver.Bookmarklet(origin))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Println("\nstopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
