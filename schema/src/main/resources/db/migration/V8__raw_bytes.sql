-- The bytes of an event as received when they are not valid UTF-8 (raw then holds them decoded
-- with U+FFFD): nothing received is lost. NULL for every event whose raw text is exact.
ALTER TABLE event_journal ADD COLUMN raw_bytes MEDIUMBLOB NULL AFTER raw;
