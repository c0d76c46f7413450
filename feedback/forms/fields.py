"""The box for words a person or a member of staff writes, shared by every form that takes them."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from moderation.screening.text import text_as_typed


class FreeTextField(forms.CharField):
    """Words kept exactly as typed (PRODUCT.md §3): only line endings become "\\n" and, as in
    every form box, spaces and blank lines around the whole text are trimmed, so what the form
    hands the service is what is stored. Text holding a control character no keyboard types is
    refused beside the box, naming its line; the box keeps everything else that was written."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Our refusal names the line and says what to do; Django's "Null characters are not
        # allowed." would only repeat it less kindly.
        self.validators = [validator for validator in self.validators
                           if not isinstance(validator, ProhibitNullCharactersValidator)]

    def to_python(self, value):
        # Checked before trimming, so a control character at either end is refused, not dropped.
        if isinstance(value, str):
            value = text_as_typed(value)
        return super().to_python(value)
