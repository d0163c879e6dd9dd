"""The base layer: what every other layer may use and that uses none of them.

- ``lifetime``: the CLI's process runtime (collector pause, keeping objects until exit, parse workers), opt-in
  for library callers;
- ``envvars``: the environment variables the tool reads, each bounded and validated;
- ``textsafe``: escaping user-controlled text for terminals, JSON and logs;
- ``origin``: where the running tool was installed from (``--version``, ``init``).
"""
