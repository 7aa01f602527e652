#!/usr/bin/env python3
"""The misbehaving clients of bench/fault_soak, run beside wrk's well-formed load until a
deadline, each kind counted:
  slowloris   N connections that send a partial request a byte at a time and never finish
              (the server's read timeout cuts them off; they reconnect to stay N)
  droppers    clients that send a search and close after the first bytes of the answer
  garbage     one client that pipelines malformed requests on one connection
Prints one line of counts at the end (JSON), for the soak's figures.
  fault_clients.py --port PORT --seconds S [--slowloris 200]
"""
import argparse
import json
import random
import socket
import threading
import time

counts = {"slowloris_connections": 0, "dropped_mid_response": 0, "garbage_requests": 0, "garbage_answers": 0,
          "refused_connections": 0}
lock = threading.Lock()


def bump(name, by=1):
    with lock:
        counts[name] += by


def connect(port):
    try:
        return socket.create_connection(("127.0.0.1", port), timeout=5)
    except OSError:
        bump("refused_connections")
        return None


def slowloris(port, deadline):
    partial = b"GET /v1/search?q=heart HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
    while time.time() < deadline:
        sock = connect(port)
        if sock is None:
            time.sleep(0.5)
            continue
        bump("slowloris_connections")
        try:
            for byte in partial:
                if time.time() >= deadline:
                    break
                sock.sendall(bytes([byte]))
                time.sleep(1.0)
            while time.time() < deadline:  # never finish the headers
                sock.sendall(b"a")
                time.sleep(1.0)
        except OSError:
            pass  # cut off by the server's read timeout: reconnect
        finally:
            sock.close()


def dropper(port, deadline, words):
    while time.time() < deadline:
        sock = connect(port)
        if sock is None:
            time.sleep(0.1)
            continue
        try:
            query = "+".join(random.sample(words, 2))
            sock.sendall(("GET /v1/search?q=%s&limit=50 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % query).encode())
            if sock.recv(16):
                bump("dropped_mid_response")
        except OSError:
            pass
        finally:
            sock.close()
        time.sleep(0.01)


GARBAGE = [b"\x00\x01\x02\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /v1/search?q=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
           b"POST /fhir/ValueSet/$expand HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{{{{{",
           b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n", b"\xff\xfe GET\r\n\r\n", b"HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"]


def garbage(port, deadline):
    while time.time() < deadline:
        sock = connect(port)
        if sock is None:
            time.sleep(0.1)
            continue
        try:
            sock.sendall(b"".join(random.choice(GARBAGE) for _ in range(8)))
            bump("garbage_requests", 8)
            sock.settimeout(2)
            if sock.recv(65536):
                bump("garbage_answers")
        except OSError:
            pass
        finally:
            sock.close()
        time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--slowloris", type=int, default=200)
    parser.add_argument("--droppers", type=int, default=4)
    args = parser.parse_args()
    deadline = time.time() + args.seconds
    words = ["heart", "attack", "fracture", "wrist", "diabetes", "pain", "chest", "asthma", "fever", "knee", "insulin"]
    threads = [threading.Thread(target=slowloris, args=(args.port, deadline), daemon=True) for _ in range(args.slowloris)]
    threads += [threading.Thread(target=dropper, args=(args.port, deadline, words), daemon=True) for _ in range(args.droppers)]
    threads.append(threading.Thread(target=garbage, args=(args.port, deadline), daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.time()) + 15)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
