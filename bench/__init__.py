"""Speed measurements: `python -m bench [NAME]` runs every `bench_*.py` module's `main()`.

Each benchmark prints its figures as ratios against a baseline measured in the same run, so
the numbers mean the same on any machine.
"""
