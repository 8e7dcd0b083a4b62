//go:build !js

package webdriver

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// xvfbPath finds Xvfb, the X server without a screen that MiniBrowser's
// window opens in.
func xvfbPath() (string, error) {
	p, err := exec.LookPath("Xvfb")
	if err != nil {
		return "", fmt.Errorf("Xvfb: %w (Debian's package xvfb)", ErrNotInstalled)
	}
	return p, nil
}

// startXvfb starts an X server on a display number it picks itself
// (-displayfd: it writes the number once it accepts clients) and returns
// the display, ":N".
func startXvfb(ctx context.Context, path string, width, height int) (cmd *exec.Cmd, display string, err error) {
	r, wr, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	out := newWatchWriter(nil)
	cmd = exec.Command(path, "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr} // fd 3
	cmd.Stdout, cmd.Stderr = out, out
	err = startGroup(cmd)
	wr.Close()
	if err != nil {
		return nil, "", err
	}
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if _, err := strconv.Atoi(n); err != nil {
			stop(cmd)
			return nil, "", fmt.Errorf("Xvfb did not start: %s", out.tail())
		}
		return cmd, ":" + n, nil
	case <-ctx.Done():
		stop(cmd)
		return nil, "", fmt.Errorf("Xvfb did not start: %w; its output:\n%s", ctx.Err(), out.tail())
	}
}
