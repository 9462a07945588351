"""`qmo consolidate` (being built)."""

import click


@click.command("consolidate")
def consolidate_cmd() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
