"""What Concurrency Lab needs to know about this interpreter, as one line of JSON."""
import importlib.util
import json
import multiprocessing
import platform
import sys
import sysconfig


def has(module):
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


gil_check = getattr(sys, "_is_gil_enabled", None)  # 3.13+
print(json.dumps({
    "version": platform.python_version(),
    "implementation": platform.python_implementation(),
    "executable": sys.executable,
    "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "gil_enabled": gil_check() if gil_check else True,
    "start_method": multiprocessing.get_start_method(),
    "modules": {m: has(m) for m in ("requests", "aiohttp", "concurrent.interpreters")},
}))
