"""Import check for the machine's default python3, which has no pytest: plain asserts, one line out."""
import sys
from pathlib import Path

import chartproof

root = Path(__file__).resolve().parents[2]
report = chartproof.lint(root / "examples" / "todo-app" / "rendered-broken.yaml")
assert len(report) == 7 and not report.ok(), report.to_text()
assert [d.name for d in chartproof.parse(root / "examples" / "todo-app" / "rendered.yaml").resources(kind="Deployment")] == [
    "todo-app-backend", "todo-app-frontend"]
print(f"default python3 ok: chartproof {chartproof.__version__} under {sys.executable} (Python {sys.version.split()[0]})")
