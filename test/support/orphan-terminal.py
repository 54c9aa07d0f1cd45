"""Starts Techvoice on a terminal, closes the terminal, then sends SIGTERM; prints how it ended.

Used by test/main.test.ts: Node has no terminal (pty) of its own to give a child.
argv: port, database path. Prints one JSON line: {"exited": code or null, "seconds": n}.
"""
import json, os, pty, signal, subprocess, sys, time

master, slave = pty.openpty()
env = dict(os.environ, PORT=sys.argv[1], TECHVOICE_DB=sys.argv[2], SCHEDULER='off', DEMO_DATA='off', MicrosoftAppId='')
child = subprocess.Popen(['node', '--require', 'tsx/cjs', 'src/main.ts'], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
os.close(slave)
seen = b''
deadline = time.time() + 30
while b'listening' not in seen and time.time() < deadline:
    seen += os.read(master, 65536)
os.close(master)  # the terminal goes away
time.sleep(0.5)
started = time.time()
child.send_signal(signal.SIGTERM)
try:
    code = child.wait(timeout=15)
except subprocess.TimeoutExpired:
    code = None
    child.kill()
print(json.dumps({'exited': code, 'seconds': round(time.time() - started, 2)}))
