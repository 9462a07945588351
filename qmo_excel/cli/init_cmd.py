"""`qmo init` (being built)."""

import click


@click.command("init")
def init_cmd() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
