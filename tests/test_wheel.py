"""The installed wheel, not only a checkout, finds its resources."""

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (built,) = out.glob("recovery_companion-*.whl")
    return Path(built)


def test_wheel_carries_the_resources(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "resources").rglob("*"):
        if path.is_file():
            assert f"companion/resources/{path.relative_to(REPO / 'resources').as_posix()}" in names


@pytest.mark.slow
def test_installed_wheel_finds_its_resources_in_a_fresh_virtualenv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # Install with no dependencies and no pip in the venv: the wheel is unpacked by
    # this interpreter's pip into the fresh venv's site-packages.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-compile",
            "--target",
            site,
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    code = (
        "import json, companion, companion.resources as r\n"
        "regions = r.load_regions(); protocols = r.load_protocols()\n"
        "print(json.dumps({'module': companion.__file__, 'root': str(r.resources_root()),\n"
        "  'regions': len(regions), 'poses': len(r.load_poses()),\n"
        "  'walk_run_steps': len(r.load_return_to_run()),\n"
        "  'icon': str(r.icon_path('recovery-companion')),\n"
        "  'style': r.style_sheet('guide-link', {'colour': 'red', 'focus': 'blue'})}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        [str(python), "-I", "-c", code],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["module"].startswith(site)
    assert report["root"] == str(Path(site) / "companion" / "resources")
    assert report["regions"] == 25
    assert report["poses"] >= 40
    assert report["walk_run_steps"] >= 5  # the return-to-run plan ships too
    assert report["icon"].startswith(site)
    assert "color: red;" in report["style"]  # the style sheets ship in the wheel too
    # The command line runs from the wheel too (regions needs only the standard library).
    cli = subprocess.run(
        [str(python), "-I", "-m", "companion", "regions", "--json"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert len(json.loads(cli.stdout)) == 25
