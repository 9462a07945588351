"""`qmo validate` (being built)."""

import click


@click.command("validate")
def validate_cmd() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
