"""flyorcall's exceptions: one class per error code of docs/errors.md.

``code`` is the number the command-line tool exits with for the same error, so a script can
treat both alike.
"""


class Error(Exception):
    """Base of every flyorcall error; ``code`` is the CLI's exit code for it."""

    code = 1


class InputError(Error, ValueError):
    """A bad input document (or argument): ``problems`` lists every problem found.

    Each problem is a ``(pointer, message)`` tuple; ``pointer`` is a JSON Pointer (RFC 6901) into
    the input document, e.g. ``"/clients/3/city"``, and ``""`` means the whole document or an
    argument (the message names it). Exit code 2.
    """

    code = 2

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = [(str(pointer), str(text)) for pointer, text in problems]


class InfeasibleError(Error):
    """A valid input that no plan satisfies; ``pointer`` names the input element. Exit code 3."""

    code = 3

    def __init__(self, message, pointer=""):
        super().__init__(message)
        self.pointer = pointer


class TimeLimitError(Error):
    """The time limit passed before the planner had any plan (``method="exact"``). Exit code 4."""

    code = 4


class InternalError(Error):
    """A bug or an environment failure inside the library. Exit code 1."""

    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code
