"""`python -m schoolveiligheid`: the same command line as generate.py and the `schoolveiligheid` program."""

from schoolveiligheid.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
