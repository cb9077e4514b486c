"""The layers stay apart: the tree knows nothing of records, records nothing of figures or
reports, figures nothing of reports."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "branches": {"publications", "monitoring", "reports"},
    "publications": {"monitoring", "reports"},
    "monitoring": {"reports"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
    return names


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_a_lower_layer_imports_nothing_from_a_higher_one(app):
    breaches = [
        f"{path.relative_to(ROOT)} imports {sorted(_imports(path) & FORBIDDEN[app])}"
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and _imports(path) & FORBIDDEN[app]
    ]
    assert not breaches, "\n".join(breaches)
