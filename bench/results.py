"""The raw results of a bench script (bench/run.sh, bench/scale.sh): DIR/raw/results.tsv, a `KEY<TAB>VALUE` a line.

    from results import Results
    r = Results(Path(DIR) / "raw")
    r.get("quads-100"), r.num("build-100.cpu")   # the text, and the number or None
"""
from pathlib import Path


class Results(dict):
    def __init__(self, raw: Path):
        super().__init__()
        for line in (raw / "results.tsv").read_text().splitlines():
            key, _, value = line.partition("\t")
            self[key] = value

    def num(self, key):
        """The value as a number; None if it was not recorded or is not a number."""
        try:
            return float(self.get(key, ""))
        except ValueError:
            return None
