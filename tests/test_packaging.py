"""A wheel built from the repository works when installed somewhere else.

Builds the wheel, installs it without dependencies into a fresh virtual environment outside the
repository (the dependencies come from the test environment through PYTHONPATH, which does not
load the repository's editable install), and runs it from an unrelated folder.
"""

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel built from the repository, and what the build printed."""
    root = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(root)],
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = root.glob("planner-*.whl")
    return wheel, build.stdout + build.stderr


@pytest.fixture(scope="module")
def installed(built: tuple[Path, str]) -> tuple[Path, dict[str, str]]:
    """The ``bin`` folder of a fresh venv holding the wheel, and the environment to run it in."""
    wheel, _output = built
    root = wheel.parent
    environment_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(environment_dir)
    bin_dir = environment_dir / "bin"
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    environment = {
        **os.environ,
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
    }
    return bin_dir, environment


def test_the_build_warns_about_nothing_deprecated(built: tuple[Path, str]) -> None:
    _wheel, output = built
    assert "deprecat" not in output.lower()


def test_the_wheel_declares_its_license_as_an_spdx_expression(built: tuple[Path, str]) -> None:
    wheel, _output = built
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read("planner-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines()


def test_the_installed_console_script_reports_its_version(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, environment = installed
    result = subprocess.run(
        [bin_dir / "planner", "--version"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("planner ")


def test_the_installed_package_is_the_wheel_and_finds_its_resources(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, environment = installed
    script = (
        "import importlib.resources, planner, resources;"
        "root = importlib.resources.files('resources');"
        "print(planner.__file__);"
        "print(root.joinpath('fonts', 'DejaVuSans.ttf').is_file());"
        "print(root.joinpath('fonts', 'LICENSE-DejaVu.txt').is_file())"
    )
    result = subprocess.run(
        [bin_dir / "python", "-c", script],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    location, font_found, license_found = result.stdout.split()
    assert Path(location).is_relative_to(bin_dir.parent)
    assert (font_found, license_found) == ("True", "True")


def test_the_installed_cli_works_on_a_database(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, environment = installed
    database = tmp_path / "planner.db"
    subprocess.run(
        [bin_dir / "planner", "--db", str(database), "demo"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        [bin_dir / "planner", "--db", str(database), "lead", "list"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Piekarnia Wiśniewscy" in listed.stdout


def test_the_installed_window_opens_offscreen(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, environment = installed
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from planner.workspace import Workspace\n"
        "from ui.app import planner_application\n"
        "from ui.main_window import MainWindow\n"
        "from ui.window_settings import WindowSettings\n"
        "application = planner_application()\n"
        "settings = WindowSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))\n"
        "window = MainWindow(Workspace.open(Path(sys.argv[2])), settings)\n"
        "window.show()\n"
        "application.processEvents()\n"
        "print(window.isVisible(), window.screens.count())\n"
        "window.close()\n"
    )
    result = subprocess.run(
        [bin_dir / "python", "-c", script, str(tmp_path / "ui.ini"), str(tmp_path / "p.db")],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    visible, screens = result.stdout.split()
    assert visible == "True"
    assert int(screens) >= 1
