#!/usr/bin/env bash
# The tests (README, "Tests and CI"): `dotnet test Rtl.sln` with any arguments given here (CI: --no-build), then the
# Python client's pytest, which starts a silo of its own from the build's rtl.dll. Fails if either fails.
set -uo pipefail
cd "$(dirname "$0")/.."
# Debian's python3 has python3-numpy and python3-pytest; a python3 earlier on PATH (pyenv) may not.
python=${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )}

dotnet test Rtl.sln "$@"
dotnet_status=$?
if ! "$python" -c "import numpy, pytest" 2>/dev/null; then
  echo "scripts/test.sh: $python lacks numpy or pytest for the Python client's tests: apt-get install -y python3-numpy python3-pytest" >&2
  exit 1
fi
"$python" -m pytest clients/python/tests -q -rfEs -p no:cacheprovider
pytest_status=$?
exit $(( dotnet_status != 0 || pytest_status != 0 ))
