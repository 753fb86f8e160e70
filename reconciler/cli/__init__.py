"""The `creatives` command: parse, build collaborators, run, map errors to exit codes."""

from __future__ import annotations

import gc
import importlib
import sys
import traceback
from typing import NoReturn

import click

from reconciler import __version__
from reconciler.cli.context import Settings
from reconciler.errors import EXIT_ERROR, EXIT_INTERRUPTED, ReconcilerError
from reconciler.redact import redact, redact_record

#: Command name -> (module in reconciler.cli, attribute). Modules load only when their command
#: runs, so `creatives validate` does not pay for httpx, deepdiff and the sandbox.
COMMANDS = {
    "validate": ("validate_cmd", "validate"),
    "plan": ("plan_cmd", "plan"),
    "apply": ("apply_cmd", "apply"),
    "status": ("apply_cmd", "status"),
    "state": ("state_cmd", "state"),
    "force-unlock": ("state_cmd", "force_unlock"),
    "catalog": ("catalog_cmd", "catalog_group"),
    "sandbox": ("sandbox_cmd", "sandbox"),
    "github": ("github_cmd", "github"),
}


class _Creatives(click.Group):
    """Loads commands lazily, and turns our errors and the exit codes commands return into
    exits wherever it runs (doing it here, not only in `main`, gives click's test runner the
    same behaviour as the installed command).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = COMMANDS.get(cmd_name)
        if found is None:
            return None
        module = importlib.import_module(f"reconciler.cli.{found[0]}")
        command: click.Command = getattr(module, found[1])
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
        except ReconcilerError as exc:
            if isinstance(ctx.obj, Settings) and ctx.obj.debug:
                click.echo(redact(traceback.format_exc()), err=True)
            click.echo(redact(f"Error: {exc.render()}"), err=True)
            ctx.exit(exc.exit_code)
        if isinstance(result, int) and result:
            ctx.exit(result)
        return result


@click.group(
    cls=_Creatives,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 99},
)
@click.version_option(__version__, "--version", prog_name="creatives")
@click.option("--debug", is_flag=True, envvar="CREATIVES_DEBUG", help="Log details, tracebacks.")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: on a terminal unless NO_COLOR is set).",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, color: bool | None) -> None:
    """Creatives as code: plan and apply Videotok generations from YAML manifests."""
    ctx.obj = Settings.build(debug=debug, color=color)
    if debug:
        import logging  # here: only --debug pays for it

        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(redact_record)
        handler.setFormatter(logging.Formatter("debug: %(name)s: %(message)s"))
        root = logging.getLogger("reconciler")
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(redact(message), err=True)
    sys.exit(code)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the CLI; the one place that turns errors into messages and exit codes."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    # Manifests and states of many thousand creatives make long-lived object graphs; the
    # default collector thresholds would walk them over and over as they grow.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        code = cli.main(args=argv, prog_name="creatives", standalone_mode=False)
    except click.exceptions.Abort:
        _fail("Interrupted.", EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _fail("Interrupted.", EXIT_INTERRUPTED)
    except ReconcilerError as exc:
        if debug:
            traceback.print_exc()
        _fail(f"Error: {exc.render()}", exc.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug of ours: say so plainly, details only with --debug
        if debug:
            click.echo(redact(traceback.format_exc()), err=True)
        _fail(
            f"Error: internal error ({type(exc).__name__}). This is a bug in creatives; "
            "run again with --debug for details and report it.",
            EXIT_ERROR,
        )
    sys.exit(code if isinstance(code, int) else 0)
