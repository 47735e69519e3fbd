"""The `caseload` command: administration and batch work.

Every sub-command is a Django management command living in the app it belongs to
(`caseload/<part>/management/commands/<name>.py`), so `caseload NAME --help` works for each;
a name may be written with hyphens for its underscores (`caseload subject-access`).
`caseload --help` lists ours first; Django's own (migrate, createsuperuser, ...) still work.
"""

import os
import sys


def _our_commands() -> dict[str, str]:
    """Commands of the installed apps that are ours (named caseload.*)."""
    from django.core.management import get_commands

    return {
        name: app for name, app in sorted(get_commands().items()) if app.startswith("caseload.")
    }


def _command_name(name: str) -> str:
    """`caseload subject-access` runs the `subject_access` command: either spelling works."""
    from django.core.management import get_commands

    spelt = name.replace("-", "_")
    return spelt if name not in get_commands() and spelt in get_commands() else name


def _print_help() -> None:
    from django.core.management import load_command_class

    print("usage: caseload COMMAND [options]\n")
    print("Commands (caseload COMMAND --help for each):")
    for name, app in _our_commands().items():
        help_text = load_command_class(app, name).help.strip().splitlines()[0]
        print(f"  {name:<15} {help_text}")
    print("\nDjango's own commands (migrate, createsuperuser, shell, ...) work too.")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caseload.settings")
    argv = list(sys.argv if argv is None else argv)
    import django

    django.setup()
    if len(argv) < 2 or argv[1] in ("-h", "--help", "help"):
        _print_help()
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(["caseload", _command_name(argv[1]), *argv[2:]])


if __name__ == "__main__":
    main()
