"""`qmo explain` (being built)."""

import click


@click.command("explain")
def explain_cmd() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
