"""Quality floors that cannot drift: gate.py (pinning the corpus, comparing, updating),
subsets.py (what each floor measures), ``python -m bench.floors`` (their state, --update)."""
