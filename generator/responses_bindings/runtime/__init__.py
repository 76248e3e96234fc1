"""The code that ships inside every generated package: the package stage copies each module
here (not this file) next to the generated models. Modules use relative imports of what
only a generated package has (`models`, `_kinds`, `_vendor`); `_pointer` imports nothing, so
the generator uses it too, as it uses `_cli` for the options of `validate` (the validator, `_cli*`
and `__main__`, runs from the package: `python -m <package> validate`)."""
