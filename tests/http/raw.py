"""raw.py HOST PORT FILE SECONDS: sends FILE's bytes on one connection,
prints the bytes that come back until the server closes or SECONDS pass,
then a line "#closed=yes|no #secs=S" (S: seconds until the answer's first
byte, "never" when none came).  For smuggle.sh; loopback only."""
import socket
import sys
import time

host, port, path, limit = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
if host not in ("127.0.0.1", "localhost"):
    sys.exit("raw.py: loopback only")
with open(path, "rb") as f:
    data = f.read()
s = socket.create_connection((host, port), timeout=limit)
t0 = time.monotonic()
s.sendall(data)
got = b""
first = None
closed = False
while True:
    left = limit - (time.monotonic() - t0)
    if left <= 0:
        break
    s.settimeout(left)
    try:
        b = s.recv(65536)
    except socket.timeout:
        break
    except ConnectionResetError:
        closed = True
        break
    if not b:
        closed = True
        break
    if first is None:
        first = time.monotonic() - t0
    got += b
s.close()
sys.stdout.write(got.decode("latin-1"))
print("\n#closed=%s #secs=%s" % ("yes" if closed else "no",
                                  "never" if first is None else "%.2f" % first))
