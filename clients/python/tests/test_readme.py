"""The README's "From Python" example, taken from the README and run as it is written there."""

import contextlib
import io
import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def readme_example():
    section = README.read_text().split("## From Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the README's From Python section has no python example"
    return blocks[0]


def test_the_readme_python_example_runs_against_a_silo(silo, monkeypatch):
    monkeypatch.setenv("RTL_URL", silo.url)
    out = io.StringIO()

    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(), "README.md (From Python)", "exec"), {"__name__": "__readme__"})

    assert "Total Elapsed Time" in out.getvalue()
