//go:build !js

package webdriver

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// serverFrame encodes a frame as a server sends it: unmasked.
func serverFrame(fin bool, op byte, payload []byte) []byte {
	b := []byte{op}
	if fin {
		b[0] |= 0x80
	}
	switch n := len(payload); {
	case n < 126:
		b = append(b, byte(n))
	case n <= 0xFFFF:
		b = append(b, 126)
		b = binary.BigEndian.AppendUint16(b, uint16(n))
	default:
		b = append(b, 127)
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	return append(b, payload...)
}

// readClientFrame decodes a frame from the client, which must be masked.
func readClientFrame(r *bufio.Reader) (op byte, payload []byte, err error) {
	var head [2]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, nil, err
	}
	if head[0]&0x80 == 0 || head[1]&0x80 == 0 {
		return 0, nil, errors.New("a client frame that is not final or not masked")
	}
	n := uint64(head[1] & 0x7F)
	switch n {
	case 126:
		var ext [2]byte
		io.ReadFull(r, ext[:])
		n = uint64(binary.BigEndian.Uint16(ext[:]))
	case 127:
		var ext [8]byte
		io.ReadFull(r, ext[:])
		n = binary.BigEndian.Uint64(ext[:])
	}
	var mask [4]byte
	if _, err := io.ReadFull(r, mask[:]); err != nil {
		return 0, nil, err
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	for i := range payload {
		payload[i] ^= mask[i%4]
	}
	return head[0] & 0x0F, payload, nil
}

// echoServer accepts one WebSocket and answers each text message with a
// ping, then the message split in fragments of at most 40,000 bytes, and
// checks the client's pong on the way.
func echoServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") != "" || r.Header.Get("Upgrade") != "websocket" {
			http.Error(w, "bad handshake", http.StatusForbidden)
			return
		}
		sum := sha1.Sum([]byte(r.Header.Get("Sec-WebSocket-Key") + wsGUID))
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
			"Sec-WebSocket-Accept: " + base64.StdEncoding.EncodeToString(sum[:]) + "\r\n\r\n")
		rw.Flush()
		for {
			op, msg, err := readClientFrame(rw.Reader)
			if err != nil || op == opClose {
				return
			}
			conn.Write(serverFrame(true, opPing, []byte("are you there")))
			if op, pong, err := readClientFrame(rw.Reader); err != nil || op != opPong || string(pong) != "are you there" {
				t.Errorf("the client answered a ping with %#x %q (%v)", op, pong, err)
				return
			}
			op = opText
			for first := true; first || len(msg) > 0; first = false {
				part := msg[:min(len(msg), 40000)]
				msg = msg[len(part):]
				conn.Write(serverFrame(len(msg) == 0, op, part))
				op = opContinuation
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http") + "/session"
}

// TestWebSocketEcho sends messages across each length encoding (7 bits,
// 16 bits, 64 bits) and reads them back, fragmented and behind a ping.
func TestWebSocketEcho(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ws, err := dialWebSocket(ctx, echoServer(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	for _, n := range []int{0, 1, 125, 126, 65535, 65536, 100000} {
		msg := bytes.Repeat([]byte("abcdefghij"), n/10+1)[:n]
		if err := ws.WriteText(msg); err != nil {
			t.Fatalf("writing %d bytes: %v", n, err)
		}
		got, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("reading %d bytes: %v", n, err)
		}
		if !bytes.Equal(got, msg) {
			t.Errorf("sent %d bytes, got back %d", n, len(got))
		}
	}
}

// TestWebSocketHandshakeRefused: a server that does not switch protocols
// is an error, not a connection.
func TestWebSocketHandshakeRefused(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := dialWebSocket(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("dial to a plain HTTP server: %v, want a handshake error with its 404", err)
	}
}

// TestWebSocketServerClose: a close frame ends the reads.
func TestWebSocketServerClose(t *testing.T) {
	client, server := net.Pipe()
	defer server.Close()
	ws := &wsConn{conn: client, r: bufio.NewReader(client)}
	defer ws.Close()
	go func() {
		server.Write(serverFrame(true, opClose, nil))
		readClientFrame(bufio.NewReader(server)) // the client's close
	}()
	if _, err := ws.ReadMessage(); !errors.Is(err, errClosed) {
		t.Errorf("ReadMessage after a close frame: %v, want %v", err, errClosed)
	}
}
