"""XML from outside is parsed once by defusedxml before a library sees it: no DTD, no
entities, no external references (billion laughs, XXE)."""

from __future__ import annotations

from xml.etree.ElementTree import Element

from companion.activity_files.errors import DamagedFileError


def checked_xml(data: bytes, what: str) -> Element:
    """The parsed root; DamagedFileError when it is not well-formed or is unsafe."""
    from defusedxml import DefusedXmlException  # noqa: PLC0415
    from defusedxml import ElementTree as SafeTree  # noqa: PLC0415 - only when XML is read

    try:
        root: Element = SafeTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise DamagedFileError(
            f"refused: this {what} file declares entities or a DTD, which activity files never need"
        ) from None
    except (SyntaxError, ValueError) as exc:  # ParseError is a SyntaxError
        raise DamagedFileError(f"damaged: it is not well-formed {what} ({exc})") from None
    return root


def local_name(tag: object) -> str:
    """'{http://...}hr' -> 'hr'."""
    return str(tag).rsplit("}", 1)[-1].rsplit(":", 1)[-1]
