"""Maakt van het veiligheidsbeleid in policy/ alle documenten en de website.

python generate.py              alles bouwen voor elke school in policy/
python generate.py --help       alle opdrachten en opties
"""

from schoolveiligheid.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
