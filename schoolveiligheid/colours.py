"""House-style colours of a school's website: hex colours and their contrast (WCAG 2.x).

The site shows white text on the main colour (header) and uses both colours for links on a white
page, so each must reach CONTRAST_MIN against white.
"""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# WCAG 2.x level AA for normal text.
CONTRAST_MIN = 4.5
WHITE = "#ffffff"


def normalised(colour: str) -> str:
    """'#1F5' or '#1f5f8b' -> '#11ff55' / '#1f5f8b': six lower-case hex digits."""
    digits = colour.strip().removeprefix("#").lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.x definition)."""
    digits = normalised(colour)[1:]
    channels = []
    for start in (0, 2, 4):
        value = int(digits[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mixed(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0..1) of `other` mixed in, as #rrggbb: lighter and darker tints."""
    one, two = normalised(colour)[1:], normalised(other)[1:]
    channels = (
        round(int(one[i : i + 2], 16) * (1 - share) + int(two[i : i + 2], 16) * share) for i in (0, 2, 4)
    )
    return "#" + "".join(f"{channel:02x}" for channel in channels)
