"""A session-wide sandbox for pytest: start `usage-sandbox serve --port 0`, read the `listening on URL` line, stop it
by its pid when the session ends. Copy this fixture into your own conftest.py."""
import os
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


def sandbox_binary():
    """$USAGE_SANDBOX, else the release artefact, else the debug build of this repository."""
    if os.environ.get("USAGE_SANDBOX"):
        return os.environ["USAGE_SANDBOX"]
    for candidate in ("../../dist/usage-sandbox", "../../.build/debug/usage-sandbox"):
        path = os.path.normpath(os.path.join(HERE, candidate))
        if os.path.exists(path):
            return path
    return "usage-sandbox"


@pytest.fixture(scope="session")
def sandbox_url():
    process = subprocess.Popen([sandbox_binary(), "serve", "--port", "0", "--db", ":memory:"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()  # "listening on http://127.0.0.1:PORT", printed once the port is bound
        if not line.startswith("listening on "):
            pytest.fail("the sandbox did not start: %r" % line)
        yield line.removeprefix("listening on ").strip()
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
