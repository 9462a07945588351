"""`qmo template` (being built)."""

import click


@click.command("template")
def template_cmd() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
