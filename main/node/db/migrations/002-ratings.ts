import type { Migration } from '../migrate';

/** The default satisfaction question and scale (QĐ 766/QĐ-TTg scoring; scale unconfirmed for TT 03/2025, so it is configurable). */
export const defaultRatingSettings = {
  question: 'Ông/Bà có hài lòng với việc tiếp nhận và giải quyết hồ sơ?',
  questionEn: 'Are you satisfied with how your application was received and handled?',
  scale: [
    { code: 'very_satisfied', label: 'Rất hài lòng', labelEn: 'Very satisfied' },
    { code: 'satisfied', label: 'Hài lòng', labelEn: 'Satisfied' },
    { code: 'unsatisfied', label: 'Không hài lòng', labelEn: 'Not satisfied' },
  ],
  reasons: [
    { code: 'long_wait', label: 'Thời gian chờ lâu', labelEn: 'Long wait' },
    { code: 'unclear_guidance', label: 'Hướng dẫn chưa rõ ràng', labelEn: 'Unclear guidance' },
    { code: 'attitude', label: 'Thái độ phục vụ chưa tốt', labelEn: 'Staff attitude' },
    { code: 'complex_procedure', label: 'Thủ tục phức tạp', labelEn: 'Complicated procedure' },
    { code: 'facilities', label: 'Cơ sở vật chất chưa tốt', labelEn: 'Facilities' },
  ],
};

/**
 * Satisfaction ratings: one per served ticket (the database refuses a second), stored with the
 * ticket, the counter and the officer who served it. Also gives existing sites the default
 * rating question and scale in their settings.
 */
export const migration002: Migration = {
  version: 2,
  name: 'ratings',
  up(db) {
    db.exec(`
      CREATE TABLE ratings (
        id          TEXT PRIMARY KEY,
        ticket_id   TEXT NOT NULL UNIQUE REFERENCES tickets(id),
        counter_id  TEXT REFERENCES counters(id),
        staff_id    TEXT REFERENCES staff(id),
        device_id   TEXT REFERENCES devices(id),
        score       TEXT NOT NULL,
        score_label TEXT NOT NULL,
        reasons     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
        at          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ratings_by_counter ON ratings(counter_id, at);
    `);
    db.prepare(`UPDATE settings SET value = json_set(value, '$.rating', json(?)) WHERE key = 'site' AND json_extract(value, '$.rating') IS NULL`).run(
      JSON.stringify(defaultRatingSettings),
    );
  },
};
