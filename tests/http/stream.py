"""stream.py HOST PORT HEADFILE TOTAL SECONDS: sends HEADFILE's bytes (a
request's head ending with a blank line, "Transfer-Encoding: chunked"),
then a chunked body of TOTAL bytes in chunks of 16 KiB from a socket with
a small send buffer, reading the answer as it comes; it stops sending
when the answer starts or the server closes.  Prints the answer, then a
line "#closed=yes|no #secs=S #sent=N #before=B": S seconds until the
answer's first byte ("never"), N bytes of the (framed) body written to
the socket in all, B of them before the answer's first byte.  For smuggle.sh; loopback only."""
import select
import socket
import sys
import time

host, port, head, total, limit = (sys.argv[1], int(sys.argv[2]),
                                  sys.argv[3], int(sys.argv[4]),
                                  float(sys.argv[5]))
if host not in ("127.0.0.1", "localhost"):
    sys.exit("stream.py: loopback only")
with open(head, "rb") as f:
    data = f.read()
CHUNK = 16384
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 32768)
s.settimeout(limit)
s.connect((host, port))
t0 = time.monotonic()
s.sendall(data)
s.setblocking(False)
piece = b"%x\r\n" % CHUNK + b"a" * CHUNK + b"\r\n"
out = b""          # framed bytes waiting to go
body = 0           # body bytes framed so far
sent = 0           # framed bytes written to the socket
before = None
got = b""
first = None
closed = False
ended = False      # the last chunk is queued
while time.monotonic() - t0 < limit:
    if not out and not ended and first is None:
        if body < total:
            n = min(CHUNK, total - body)
            out = piece if n == CHUNK else (b"%x\r\n" % n + b"a" * n + b"\r\n")
            body += n
        else:
            out = b"0\r\n\r\n"
            ended = True
    want_w = [s] if out and first is None and not closed else []
    r, w, _ = select.select([s], want_w, [], 0.5)
    if r:
        try:
            b = s.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            closed = True
            break
        if not b:
            closed = True
            break
        if first is None:
            first = time.monotonic() - t0
            before = sent
        got += b
    if w:
        try:
            k = s.send(out)
            out = out[k:]
            sent += k
        except BlockingIOError:
            pass
        except (ConnectionResetError, BrokenPipeError):
            closed = True
            break
s.close()
sys.stdout.write(got.decode("latin-1"))
print("\n#closed=%s #secs=%s #sent=%d #before=%s" % (
    "yes" if closed else "no", "never" if first is None else "%.2f" % first,
    sent, "never" if before is None else before))
