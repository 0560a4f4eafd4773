"""Your data out and back in: one JSON file, CSV files for spreadsheets, deleting history.

- ``export_json`` writes every record the user made into one JSON file (the
  format is documented in docs/data-export.md); ``import_json`` merges such a
  file into this database without duplicates, matching records by natural
  keys, never by database ids.
- ``export_csv`` writes one CSV file per kind of record, times in the user's
  zone, for reading in a spreadsheet. CSV files are not read back.
- ``delete_history`` deletes the history and keeps what the user set up.

The sentences saying what happened ("Imported 12 check-ins and 40 drinks")
are the service's: ``companion.services.data``.

Files are written atomically (a temporary file in the same folder, then a
rename), so a failed export never leaves half a file behind. An import reads
and checks the whole file before it writes anything, and writes in one
transaction: a refused file changes nothing.

The record kinds, their columns and the bounds on each value are declared
once (``kinds.RECORD_KINDS``): export, validation and import all read that
table. The bounds are the schema's CHECK constraints and the domain's enums.

The modules, by job:

- ``kinds``: the kinds table;
- ``files``: atomic writing, one-moment reading, the errors;
- ``json_file``: writing the JSON file and reading it back as a document;
- ``checks``: checking every record of a file before anything is written;
- ``merge``: ``import_json``, merging a checked file;
- ``csv_files``: the CSV files;
- ``delete``: deleting the history.
"""

from companion.storage.export.checks import read_export
from companion.storage.export.csv_files import CSV_COLUMNS, CSV_FILES, export_csv
from companion.storage.export.delete import DeleteReport, delete_history
from companion.storage.export.files import DataFileError
from companion.storage.export.json_file import FORMAT, MAX_IMPORT_BYTES, VERSION, export_json
from companion.storage.export.kinds import KINDS, Record
from companion.storage.export.merge import ImportReport, import_json

__all__ = [
    "CSV_COLUMNS",
    "CSV_FILES",
    "FORMAT",
    "KINDS",
    "MAX_IMPORT_BYTES",
    "VERSION",
    "DataFileError",
    "DeleteReport",
    "ImportReport",
    "Record",
    "delete_history",
    "export_csv",
    "export_json",
    "import_json",
    "read_export",
]
