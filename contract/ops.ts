import { z } from 'zod';
import { AboutInfo, DiagnosticsFile } from './about';
import { Appointment, AppointmentSettings, BookingHour, BookingKey, CheckInInput, NewBooking, Slot } from './appointments';
import { BackupCreated, BackupSettings, BackupSettingsInput, BackupStatus, RestoreInput, RestoreStarted } from './backups';
import { KioskProcedure, KioskProcedureList } from './kiosk-procedure';
import { Lang } from './locales';
import { op } from './op';
import { ServiceIcon } from './pictograms';
import { base64Length, CATALOGUE_UPLOAD, SCAN_UPLOAD } from './uploads';
import { CalendarYear } from './calendar';
import { Applicant, Dossier, DossierFile, DossierForm, DossierSettings, DossierStatus, DossierSummary, IntakeInput, ProcedureVersion, ProcedureVersionState, ReceivedDossier } from './dossier';
import { Printer, PrinterLive, PrintJob, ScannerConfig } from './printing';
import { AppointmentReport, AppointmentReportInput, DossierReport, DossierReportInput, MonthlyReport, QueueReport, QueueReportInput, ReportExportInput, ReportFile, ReportFilterChoices, ReportNow, ReportSettings, SatisfactionReport } from './reports';
import { Device, DeviceKind, LoginResult, Password, PairingCode, StaffAccount } from './people';
import {
  Call,
  CallReason,
  CounterUndo,
  DeskActionView,
  Counter,
  Id,
  IsoTime,
  NumberSequence,
  NumberSequenceFields,
  PriorityClass,
  PriorityMode,
  RatingAsk,
  RatingSettings,
  Service,
  setupFields,
  Site,
  SiteIdentity,
  type SetupField,
  Ticket,
  TicketStatus,
  VnDate,
  WaitEstimate,
  WeeklyHours,
  rangeIsOrdered,
} from './queue';

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const TicketRef = z.object({ ticketId: Id }).strict();

const staff = { staff: 'officer' } as const;
const supervisor = { staff: 'supervisor' } as const;
const admin = { staff: 'admin' } as const;

export const CounterSession = z.object({
  id: Id,
  counterId: Id,
  staffId: Id,
  openedAt: IsoTime,
  paused: z.boolean(),
});

export const ServiceQueueCount = z.object({
  serviceId: Id,
  name: z.string(),
  prefix: z.string(),
  icon: ServiceIcon,
  waiting: z.int(),
  waitingPriority: z.int(),
});

export const CitizenId = z.object({
  idNumber: z.string(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: VnDate,
  sex: z.string(),
  address: z.string(),
  issueDate: VnDate.nullable(),
  raw: z.string(),
});

export const ScanResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cccd'), citizen: CitizenId }),
  z.object({ kind: z.literal('receipt'), dossierCode: z.string(), lookupCode: z.string() }),
  z.object({ kind: z.literal('ticket'), ticketId: Id }),
]);

/** How staff should see the sync (main/core/sync-status.ts). */
export const SyncLevel = z.enum(['not_enrolled', 'connecting', 'online', 'offline', 'offline_long', 'conflict']);
export type SyncLevel = z.infer<typeof SyncLevel>;

export const SyncStatusView = z.object({
  /** The hub's clock when this was read: ages ("5 phút trước") are counted from it, not the screen's clock. */
  checkedAt: IsoTime,
  level: SyncLevel,
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  siteId: z.string().nullable(),
  online: z.boolean(),
  running: z.boolean(),
  pendingEvents: z.int(),
  oldestPendingAt: IsoTime.nullable(),
  lastAttemptAt: IsoTime.nullable(),
  lastSuccessAt: IsoTime.nullable(),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Since when the central has not been reached (the last success, or the oldest waiting event); null when online. */
  offlineSince: IsoTime.nullable(),
  clockSkewSeconds: z.number().nullable(),
  /** The hub's clock differs from the central's by more than 5 minutes (main/core/site-clock.ts): a problem, shown as a banner. */
  clockSkewWarning: z.boolean(),
  /** When the worker tries next (after a failure: the backoff, at most 30 s unless the central asked for longer); null when nothing is planned. */
  nextAttemptAt: IsoTime.nullable(),
  /** How long acknowledged outbox events are kept at the hub (the central keeps the log). */
  outboxRetentionDays: z.int(),
  conflict: z.object({ seq: z.int(), message: z.string() }).nullable(),
  rejections: z.array(z.object({ seq: z.int(), type: z.string(), code: z.string(), message: z.string(), at: IsoTime })),
  /** Items from the central this hub could not read and skipped (the feed went on past them). */
  skippedFeedItems: z.array(z.object({ feed: z.string(), version: z.int(), reason: z.string(), at: IsoTime })),
  /**
   * This database came back from an older copy: what it fetched back from the central of what it
   * lost (docs/SYNC.md); null when it never did. While `pending`, no number or code is handed out
   * unless the central cannot be reached (then the day's sequences are moved forward first).
   */
  recovery: z.object({
    pending: z.boolean(),
    noticedBy: z.enum(['restore', 'marker', 'central-ahead', 'admin']),
    /** Settled by the hub alone (no central to fetch from): sequences moved past the replaced database's, nothing fetched back. */
    settledLocally: z.boolean(),
    noticedAt: IsoTime,
    doneAt: IsoTime.nullable(),
    applied: z.object({ tickets: z.int(), ratings: z.int(), dossiers: z.int(), events: z.int() }),
    /** What the events could not rebuild, in Vietnamese, for staff to complete by hand. */
    missing: z.array(z.string()),
    /** Days served before the recovery, with the sequences moved forward. */
    offlineDays: z.array(z.string()),
  }).nullable(),
});

/** The hub's clock against the central's as staff should see it (main/core/site-clock.ts). */
export const ClockView = z.object({
  /** skewed: more than 5 minutes off the central (or behind the last known good time): shown as a banner, intake asks for confirmation. */
  level: z.enum(['ok', 'skewed']),
  /** The central's time minus the hub's, in seconds; null when never measured. */
  skewSeconds: z.number().nullable(),
  /** central: measured since the hub started; last_known: from the last exchange before a restart. */
  basis: z.enum(['central', 'last_known', 'unknown']),
  title: z.string().nullable(),
  message: z.string().nullable(),
});
export type ClockView = z.infer<typeof ClockView>;

/** The hub's data disk as staff should see it (main/core/storage-health.ts). */
export const StorageHealthView = z.object({
  /** disk_full: the last write failed for want of space and none has succeeded since. */
  level: z.enum(['ok', 'disk_full']),
  since: IsoTime.nullable(),
  /** What the staff banner says (Vietnamese), its headline and the rest; null when all is well. */
  title: z.string().nullable(),
  message: z.string().nullable(),
});
export type StorageHealthView = z.infer<typeof StorageHealthView>;

export const CounterOverview = z.object({
  counter: Counter,
  session: z.object({ staffId: Id, staffName: z.string(), openedAt: IsoTime, paused: z.boolean() }).nullable(),
  current: z.object({ displayCode: z.string(), status: TicketStatus }).nullable(),
});

export const KioskService = z.object({
  id: Id,
  name: z.string(),
  nameEn: z.string(),
  hint: z.string(),
  hintEn: z.string(),
  /** Name, hint and why it is closed in each language the kiosk offers, as main/core/citizen-language.ts words them. */
  texts: z.record(Lang, z.object({ name: z.string(), hint: z.string(), closedReason: z.string().nullable() })),
  icon: ServiceIcon,
  prefix: z.string(),
  priorityMode: PriorityMode,
  waiting: z.int(),
  /** Whether a number can be taken right now, and in words why not. */
  open: z.boolean(),
  closedReason: z.string().nullable(),
  hoursText: z.string(),
  /** What a normal number taken now would be told (no counter open, or a range); null while closed. */
  waitEstimate: WaitEstimate.nullable(),
});

export const IssuedTicket = z.object({
  ticket: Ticket,
  /** The service and priority group in the ticket's language, for the citizen's screen. */
  shown: z.object({ serviceName: z.string(), priorityLabel: z.string().nullable() }),
  peopleAhead: z.int(),
  waitEstimate: WaitEstimate,
  /** The print job of the paper ticket; null when no ticket printer is set up. */
  print: z.object({ jobId: Id, printerName: z.string() }).nullable(),
});

export const CallResult = z.object({
  ticket: Ticket.nullable(),
  reason: CallReason,
});

export const DisplayCall = z.object({
  call: Call,
  /** served: the citizen came; absent: marked no-show; waiting: still being called. */
  mark: z.enum(['called', 'serving', 'served', 'absent', 'moved']),
});

const ServiceInput = Service.omit({ id: true }).extend({ id: Id.optional() });
const SequenceInput = NumberSequenceFields.extend({ id: Id.optional() }).refine(...rangeIsOrdered);
const PriorityClassInput = PriorityClass.omit({ id: true }).extend({ id: Id.optional() });
const CounterInput = Counter.omit({ id: true }).extend({ id: Id.optional() });
const StaffInput = StaffAccount.omit({ id: true, mustChangePassword: true }).extend({
  id: Id.optional(),
  /** Required for a new account; the holder must change it at first login. */
  initialPassword: Password.optional(),
});

/**
 * The hub's API: every operation, its input and output schema, and who may call it. The LAN
 * server binds each one to `POST /api/<name>`; the renderer's HubClient calls them by name.
 */
/** A dossier as a citizen names it: the two codes printed on the receipt (and in its QR). */
/** A receipt's two codes, as the citizen holds them (the hub's lookups and the province's public page). */
export const ReceiptKeys = z.object({ code: z.string().min(1).max(80), lookupCode: z.string().min(4).max(16) }).strict();
/** A citizen's answer at the rating tablet: a level of the site's scale and, for a low one, why. */
const RatingAnswer = { score: z.string().min(1).max(40), reasons: z.array(z.string().max(40)).max(10).default([]) };

export const ops = {
  'system.health': op({
    summary: 'Hub liveness, version, clock (and whether it is off the central\'s) and whether it can save (its disk)',
    access: { public: true },
    input: Empty,
    output: z.object({ ok: z.literal(true), version: z.string(), serverTime: IsoTime, siteName: z.string(), storage: StorageHealthView, clock: ClockView }),
  }),

  'system.about': op({
    summary: 'The "about" page: version and build, site, hub addresses, data folder, runtime versions, update status, credits',
    access: staff,
    input: Empty,
    output: AboutInfo,
  }),
  'admin.diagnostics': op({
    summary: 'The diagnostics bundle (ZIP): a Vietnamese summary, the facts as JSON and the last log lines — no secrets, no personal data (export is audited)',
    access: admin,
    input: Empty,
    output: DiagnosticsFile,
  }),

  'auth.login': op({
    summary: 'Staff login with username and password (throttled)',
    access: { public: true },
    input: z.object({ username: z.string().min(1).max(64), password: Password }).strict(),
    output: LoginResult,
  }),
  'auth.me': op({
    summary: 'The logged-in staff account',
    access: { ...staff, duringPasswordChange: true },
    input: Empty,
    output: z.object({ staff: StaffAccount, expiresAt: IsoTime }),
  }),
  'auth.changePassword': op({
    summary: 'Change own password (required after a one-time password)',
    access: { ...staff, duringPasswordChange: true },
    input: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    output: StaffAccount,
  }),
  'auth.logout': op({
    summary: 'End this staff session',
    access: { ...staff, duringPasswordChange: true },
    input: Empty,
    output: Ok,
  }),

  'devices.pair': op({
    summary: 'A kiosk, display or rating tablet exchanges a pairing code for its device token',
    access: { public: true },
    input: z.object({ code: PairingCode }).strict(),
    output: z.object({ token: z.string(), device: Device }),
  }),
  'devices.me': op({
    summary: 'The paired device calling',
    access: { devices: ['kiosk', 'display', 'rating'] },
    input: Empty,
    output: Device,
  }),
  'devices.createPairingCode': op({
    summary: 'Admin creates a 6-digit code to pair one device (valid 15 minutes)',
    access: admin,
    input: z.object({ kind: DeviceKind, name: z.string().min(1).max(80), counterId: Id.nullable().default(null) }).strict(),
    output: z.object({ code: PairingCode, expiresAt: IsoTime }),
  }),
  'devices.list': op({
    summary: 'Paired devices',
    access: admin,
    input: Empty,
    output: z.array(Device),
  }),
  'devices.revoke': op({
    summary: 'Revoke a device token at once (its screens close their connection)',
    access: admin,
    input: z.object({ deviceId: Id }).strict(),
    output: Device,
  }),

  'site.get': op({
    summary: 'Site identity, hours, calling rules and ticker',
    access: { staff: 'officer', devices: ['kiosk', 'display', 'rating'] },
    input: Empty,
    output: Site,
  }),
  'site.update': op({
    summary: 'Change site settings; applies at once (a real identity replacing the sample one ends sample mode)',
    access: admin,
    input: Site.omit({ sampleData: true }).extend(SiteIdentity.shape).partial().strict(),
    output: Site,
  }),

  'setup.check': op({
    summary: "One step of the setup wizard: each field's problem in Vietnamese (none = the step is right)",
    access: admin,
    input: z.object(Object.fromEntries(setupFields.map((k) => [k, z.string().max(400).optional()])) as Record<SetupField, z.ZodOptional<z.ZodString>>).strict(),
    output: z.object({
      problems: z.record(z.string(), z.string()),
      /** What the papers will print, once the name, superior body, commune and province are given and right. */
      paper: z.object({ headerLines: z.array(z.string()), placeName: z.string(), authorityName: z.string() }).nullable(),
    }),
  }),
  'setup.complete': op({
    summary: "First start, or replacing the sample data: the site's real identity and hours (creates the usual services, counters and priority classes on a new site)",
    access: admin,
    input: SiteIdentity.extend({ queueHours: WeeklyHours }).strict(),
    output: Site,
  }),
  'setup.sample': op({
    summary: 'First start: try it with sample data (every paper marked DỮ LIỆU MẪU, real intake refused)',
    access: admin,
    input: Empty,
    output: Site,
  }),

  'catalog.get': op({
    summary: 'Services, number sequences, priority classes and counters',
    access: { staff: 'officer', devices: ['kiosk', 'display', 'rating'] },
    input: Empty,
    output: z.object({
      services: z.array(Service),
      sequences: z.array(NumberSequence),
      priorityClasses: z.array(PriorityClass),
      counters: z.array(Counter),
    }),
  }),
  'admin.saveSequence': op({ summary: 'Create or change a number sequence', access: admin, input: SequenceInput, output: NumberSequence }),
  'admin.saveService': op({ summary: 'Create or change a service', access: admin, input: ServiceInput, output: Service }),
  'admin.savePriorityClass': op({ summary: 'Create or change a priority class', access: admin, input: PriorityClassInput, output: PriorityClass }),
  'admin.saveCounter': op({ summary: 'Create or change a counter and its skills', access: admin, input: CounterInput, output: Counter }),
  'admin.listStaff': op({ summary: 'Staff accounts', access: admin, input: Empty, output: z.array(StaffAccount) }),
  'admin.saveStaff': op({ summary: 'Create or change a staff account', access: admin, input: StaffInput, output: StaffAccount }),
  'admin.resetPassword': op({
    summary: 'Give a staff member a new one-time password',
    access: admin,
    input: z.object({ staffId: Id, newPassword: Password }).strict(),
    output: StaffAccount,
  }),

  'admin.setKioskPin': op({
    summary: 'Set the PIN that closes a locked kiosk/display window on the hub PC',
    access: admin,
    input: z.object({ pin: z.string().regex(/^\d{4,8}$/, 'Mã PIN gồm 4–8 chữ số') }).strict(),
    output: Ok,
  }),
  'counters.overview': op({
    summary: 'Every counter with who works there now and its current ticket',
    access: staff,
    input: Empty,
    output: z.array(CounterOverview),
  }),

  'kiosk.menu': op({
    summary: 'What the kiosk offers now: services with open/closed state, priority classes',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: Empty,
    /** `sampleData`: the site runs on sample data (main/core/site-identity.ts): the kiosk says so, as its tickets do. */
    output: z.object({
      siteName: z.string(), sampleData: z.boolean(), language: Lang, services: z.array(KioskService),
      /** Some service takes bookings (docs/APPOINTMENTS.md): the kiosk offers "Có lịch hẹn" only then. */
      takesBookings: z.boolean(),
      /** `texts`: the group's name in each language the kiosk offers. */
      priorityClasses: z.array(PriorityClass.extend({ texts: z.record(Lang, z.string()) })),
    }),
  }),
  // The kiosk's self-service reads only the public catalogue, by its own ops: the staff ones
  // (procedures.search/get) return whole versions and stay closed to devices.
  'kiosk.procedures': op({
    summary: 'The kiosk looks up procedures in force: by words (ignoring diacritics and case) or by field; with the fields to browse',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: z.object({ q: z.string().max(200).default(''), field: z.string().max(200).nullable().default(null) }).strict(),
    output: KioskProcedureList,
  }),
  'kiosk.procedure': op({
    summary: 'A procedure in force as the kiosk shows it: papers to bring, fees, processing time in words, result, where to submit',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: z.object({ code: z.string().min(1).max(60) }).strict(),
    output: KioskProcedure,
  }),
  'kiosk.printProcedure': op({
    summary: 'Print a procedure’s checklist of papers on the kiosk’s ticket printer (null when it has none)',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: z.object({ code: z.string().min(1).max(60) }).strict(),
    output: z.object({ print: z.object({ jobId: Id, printerName: z.string() }).nullable() }),
  }),
  'tickets.issue': op({
    summary: 'Issue a queue number (kiosk or staff)',
    access: { staff: 'officer', devices: ['kiosk'] },
    /** `language`: the one the citizen chose at the kiosk; the site's when absent. */
    input: z.object({ serviceId: Id, priorityClassId: Id.nullable().default(null), language: Lang.optional() }).strict(),
    output: IssuedTicket,
  }),
  'tickets.list': op({
    summary: "A day's tickets (default today), optionally by status",
    access: staff,
    input: z.object({ date: VnDate.optional(), statuses: z.array(TicketStatus).optional() }).strict(),
    output: z.array(Ticket),
  }),
  'tickets.returnToQueue': op({
    summary: 'Put a skipped (no-show) ticket back in the queue at its original place',
    access: staff,
    input: TicketRef,
    output: Ticket,
  }),
  'tickets.cancel': op({
    summary: 'Cancel a waiting or skipped ticket',
    access: staff,
    input: z.object({ ticketId: Id, reason: z.string().min(1).max(200) }).strict(),
    output: Ticket,
  }),

  'appointments.settings': op({
    summary: 'Appointment settings: per service the bookable windows, slot length, capacity and the desk’s seats, days ahead; check-in window, calling and per-ID limits',
    access: admin,
    input: Empty,
    output: AppointmentSettings,
  }),
  'appointments.saveSettings': op({
    summary: 'Change the appointment settings (sent to the central, which offers the online seats from them)',
    access: admin,
    input: AppointmentSettings,
    output: AppointmentSettings,
  }),
  'appointments.slots': op({
    summary: 'The slots of a service on a day with the desk’s free seats (phone and counter bookings)',
    access: staff,
    input: z.object({ serviceId: Id, date: VnDate }).strict(),
    output: z.array(Slot),
  }),
  'appointments.book': op({ summary: 'Book a desk seat for a citizen (phone or counter); works offline', access: staff, input: NewBooking, output: Appointment }),
  'appointments.find': op({ summary: 'A booking by its code and the ID number that booked it', access: staff, input: BookingKey, output: Appointment }),
  'appointments.move': op({
    summary: 'Move a booking to another slot of its service (takes a desk seat)',
    access: staff,
    input: BookingKey.extend({ slotStart: IsoTime }).strict(),
    output: Appointment,
  }),
  'appointments.cancel': op({ summary: 'Cancel a booking by its code and ID number', access: staff, input: BookingKey, output: Appointment }),
  'appointments.checkIn': op({
    summary: 'Check a booking in (scanned booking QR, typed code or scanned CCCD) within its window: issues its ticket, marked with the slot time',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: CheckInInput,
    output: z.object({ appointment: Appointment, ticket: IssuedTicket }),
  }),
  'appointments.today': op({
    summary: 'A day’s bookings (default today) by service and hour, and the list (ID numbers masked but the last 4 digits)',
    access: staff,
    input: z.object({ date: VnDate.optional() }).strict(),
    output: z.object({ hours: z.array(BookingHour), bookings: z.array(Appointment) }),
  }),

  'counter.open': op({
    summary: 'Open a counter session for the logged-in officer',
    access: staff,
    input: z.object({ counterId: Id }).strict(),
    output: CounterSession,
  }),
  'counter.close': op({ summary: 'Close own counter session', access: staff, input: Empty, output: Ok }),
  'counter.closeCheck': op({
    summary: 'Before closing own counter: services with people waiting that no other working counter serves, and the warning in words',
    access: staff,
    input: Empty,
    output: z.object({
      services: z.array(z.object({ serviceId: Id, name: z.string(), waiting: z.int().min(1) })),
      /** Waiting tickets transferred to this counter itself: only it calls them. */
      reservedHere: z.int().min(0),
      warning: z.string().nullable(),
    }),
  }),
  'counter.setPaused': op({
    summary: 'Pause or resume own counter',
    access: staff,
    input: z.object({ paused: z.boolean() }).strict(),
    output: CounterSession,
  }),
  'counter.state': op({
    summary: "The officer's counter: session, current ticket with its call reason, queue lists",
    access: staff,
    input: Empty,
    output: z.object({
      session: CounterSession.nullable(),
      counter: Counter.nullable(),
      current: z.object({ ticket: Ticket, reason: CallReason.nullable(), statusText: z.string() }).nullable(),
      /** Every desk action in the toolbar's order, each available or not for the current ticket. */
      actions: z.array(DeskActionView),
      /** The absent mark or transfer this counter may still undo (Ctrl+Z), or null. */
      undo: CounterUndo.nullable(),
      queue: z.array(ServiceQueueCount),
      waiting: z.array(Ticket),
      skipped: z.array(Ticket),
      served: z.array(Ticket),
    }),
  }),
  'counter.callNext': op({
    summary: 'Call the next ticket by the calling rules (optionally from one service); returns the reason',
    access: staff,
    input: z.object({ serviceId: Id.optional() }).strict(),
    output: CallResult,
  }),
  'counter.callSpecific': op({
    summary: 'Call one ticket out of order (needs permission; audited)',
    access: staff,
    input: TicketRef,
    output: CallResult,
  }),
  'counter.recall': op({ summary: 'Call the current ticket again (counted)', access: staff, input: TicketRef, output: Ticket }),
  'counter.skip': op({ summary: 'Mark the current ticket absent (no-show)', access: staff, input: TicketRef, output: Ticket }),
  'counter.start': op({ summary: 'The citizen arrived: start serving', access: staff, input: TicketRef, output: Ticket }),
  'counter.finish': op({ summary: 'Finish serving the current ticket', access: staff, input: TicketRef, output: Ticket }),
  'counter.transfer': op({
    summary: 'Move the current ticket to another service or counter, keeping its place in the queue',
    access: staff,
    input: z
      .object({ ticketId: Id, serviceId: Id.optional(), counterId: Id.optional() })
      .strict()
      .refine((t) => t.serviceId !== undefined || t.counterId !== undefined, { message: 'Chọn dịch vụ hoặc quầy để chuyển' }),
    output: Ticket,
  }),
  'counter.undo': op({
    summary: "Undo this counter's last absent mark or transfer of a ticket, within the hub's window: the ticket is back at the counter",
    access: staff,
    input: TicketRef,
    output: Ticket,
  }),
  'counter.redirect': op({
    summary: 'Finish here and queue the citizen at the back of another service, same display code',
    access: staff,
    input: z.object({ ticketId: Id, serviceId: Id }).strict(),
    output: Ticket,
  }),

  'rating.pending': op({
    summary: "The ticket this rating tablet's counter just finished, if it has not been rated",
    access: { devices: ['rating'] },
    input: Empty,
    output: z.object({
      counterNumber: z.int().nullable(),
      pending: z.object({ ticketId: Id, displayCode: z.string(), serviceName: z.string(), finishedAt: IsoTime }).nullable(),
      settings: RatingSettings,
      /** The question for the pending ticket, in its language; with none pending, in the site's (a dossier named at the tablet). */
      ask: RatingAsk,
    }),
  }),
  'rating.submit': op({
    summary: 'Record the citizen’s rating of a served ticket (one per ticket)',
    access: { devices: ['rating'] },
    input: z.object({ ticketId: Id, ...RatingAnswer }).strict(),
    output: Ok,
  }),
  'rating.findDossier': op({
    summary: 'The dossier a citizen names at the rating tablet with the receipt’s code and lookup code (throttled), and whether it can be rated',
    access: { devices: ['rating'] },
    input: ReceiptKeys,
    output: z.object({ code: z.string(), procedureName: z.string(), returnedAt: IsoTime }),
  }),
  'rating.submitDossier': op({
    summary: 'Record the citizen’s rating of a returned dossier (one per dossier), named by the receipt’s two codes',
    access: { devices: ['rating'] },
    input: ReceiptKeys.extend(RatingAnswer).strict(),
    output: Ok,
  }),

  'printers.list': op({
    summary: 'Printers with their live status and how many jobs wait or are held',
    access: staff,
    input: Empty,
    output: z.array(PrinterLive),
  }),
  'admin.savePrinter': op({
    summary: 'Create or change a printer',
    access: admin,
    input: Printer.omit({ id: true }).extend({ id: Id.optional() }),
    output: Printer,
  }),
  'print.test': op({ summary: 'Queue a test page on a printer', access: admin, input: z.object({ printerId: Id }).strict(), output: PrintJob }),
  'print.preview': op({
    summary: 'PNG preview of a layout as a printer profile would print it (the same rendering as the bytes)',
    access: admin,
    input: z.object({ layout: z.enum(['ticket', 'receipt', 'test']), paper: z.enum(['58mm', '80mm']), model: z.enum(['generic', 'tm-t88']), textMode: z.enum(['raster', 'epson-tcvn3']) }).strict(),
    output: z.object({ pngBase64: z.string() }),
  }),
  'print.jobs': op({ summary: 'Open print jobs and those finished today', access: staff, input: Empty, output: z.array(PrintJob) }),
  'print.job': op({
    summary: 'One print job (the kiosk follows its ticket’s job)',
    access: { staff: 'officer', devices: ['kiosk'] },
    input: z.object({ jobId: Id }).strict(),
    output: PrintJob,
  }),
  'print.retry': op({ summary: 'Send a held job again (after fixing the printer, or when staff confirm a reprint)', access: staff, input: z.object({ jobId: Id }).strict(), output: PrintJob }),
  'print.cancel': op({ summary: 'Cancel a queued or held job', access: staff, input: z.object({ jobId: Id }).strict(), output: PrintJob }),
  'print.markPrinted': op({
    summary: 'Record that a held job whose outcome was unknown (interrupted, not confirmed by the printer) did come out',
    access: staff,
    input: z.object({ jobId: Id }).strict(),
    output: PrintJob,
  }),
  'print.reprintTicket': op({
    summary: 'Print a queue ticket again (on its printer, or another ticket printer)',
    access: staff,
    input: z.object({ ticketId: Id, printerId: Id.optional() }).strict(),
    output: PrintJob,
  }),
  'tickets.status': op({
    summary: 'Public status of one ticket (the page behind the ticket’s QR): no personal data',
    access: { public: true },
    input: z.object({ ticketId: Id }).strict(),
    /**
     * A redirected ticket is followed to the ticket it continues as (same number). `headline`,
     * `detail` and `notice`: what the citizen's page says (main/core/citizen-ticket.ts).
     */
    output: z.object({
      displayCode: z.string(), serviceName: z.string(), serviceDate: VnDate, status: TicketStatus, peopleAhead: z.int().nullable(), counterNumber: z.int().nullable(),
      stage: z.enum(['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled', 'moved', 'other_day']), headline: z.string(), detail: z.string().nullable(),
      /** A waiting ticket whose service has no counter open: the hub's words for it (else null). */
      notice: z.string().nullable(),
      siteName: z.string(), sampleData: z.boolean(),
      /** The ticket's language: the page's own words are in it, and so are `headline`, `detail` and the service name. */
      language: Lang,
    }),
  }),
  'scanners.list': op({
    summary: 'Serial QR scanners on the hub PC and whether each is connected',
    access: admin,
    input: Empty,
    output: z.array(z.object({ scanner: ScannerConfig, connected: z.boolean(), error: z.string().nullable() })),
  }),
  'admin.saveScanners': op({
    summary: 'Set the serial QR scanners (applies at once)',
    access: admin,
    input: z.object({ scanners: z.array(ScannerConfig.omit({ id: true }).extend({ id: Id.optional() })).max(20) }).strict(),
    output: z.array(ScannerConfig),
  }),
  'scan.parse': op({
    summary: 'Read a scanned QR: a citizen ID card (CCCD), one of our receipts, or one of our tickets',
    access: staff,
    input: z.object({ text: z.string().min(1).max(2000) }).strict(),
    output: ScanResult,
  }),

  'procedures.search': op({
    summary: 'Procedures in force whose name (ignoring diacritics and case) or code matches',
    access: staff,
    input: z.object({ q: z.string().max(200), limit: z.int().min(1).max(100).default(30) }).strict(),
    output: z.array(ProcedureVersion),
  }),
  'procedures.get': op({ summary: 'The version of a procedure in force today', access: staff, input: z.object({ code: z.string().min(1).max(60) }).strict(), output: ProcedureVersion }),
  'admin.listProcedures': op({
    summary: 'Every procedure version — in force, replaced, future-dated and inactive — with its state today, a page at a time',
    access: admin,
    input: z.object({ q: z.string().max(200).default(''), offset: z.int().min(0).default(0), limit: z.int().min(1).max(200).default(50) }).strict(),
    // `today` is the hub's date the states are for: a new version's form starts from it, not from
    // the date of the admin's computer (a clock a day ahead would file the version in the future).
    // `nextVersion`: the version a save of the procedure creates (its newest, on any page, + 1).
    output: z.object({ today: VnDate, total: z.int(), items: z.array(ProcedureVersion.extend({ state: ProcedureVersionState, nextVersion: z.int() })) }),
  }),
  'admin.saveProcedure': op({
    summary: 'Add a new version of a procedure (dossiers keep the version they were received under)',
    access: admin,
    input: ProcedureVersion.omit({ id: true, version: true, source: true }).strict(),
    output: ProcedureVersion,
  }),
  'admin.importProcedures': op({
    summary: 'Import procedures from JSON, CSV or XLSX; returns what was added and every rejected row with its reason',
    access: admin,
    input: z.object({ format: z.enum(['json', 'csv', 'xlsx']), dataBase64: z.string().max(base64Length(CATALOGUE_UPLOAD.maxFileBytes)) }).strict(),
    output: z.object({ added: z.int(), unchanged: z.int(), rejected: z.array(z.object({ row: z.int(), reason: z.string() })) }),
    upload: CATALOGUE_UPLOAD,
  }),
  'calendar.get': op({
    summary: 'The working-day calendar of a year for this site (official, edited or computed)',
    access: staff,
    input: z.object({ year: z.int().min(1900).max(2199) }).strict(),
    output: z.object({ calendar: CalendarYear, editedAtSite: z.boolean() }),
  }),
  'admin.saveCalendar': op({ summary: 'Replace the working-day calendar of a year', access: admin, input: z.object({ calendar: CalendarYear }).strict(), output: CalendarYear }),
  'dossierSettings.get': op({ summary: 'Dossier code pattern, calendar province, scan retention', access: staff, input: Empty, output: DossierSettings }),
  'admin.saveDossierSettings': op({ summary: 'Change dossier settings', access: admin, input: DossierSettings, output: DossierSettings }),
  'dossierSettings.scanDeletion': op({
    summary: 'What the last scan-retention round did: scans deleted, and scans past their retention it could not delete (tried again next round)',
    access: admin,
    input: Empty,
    output: z.object({ lastRunAt: IsoTime.nullable(), deleted: z.int(), failed: z.int(), errorCode: z.string().nullable() }),
  }),

  'dossiers.quote': op({
    summary: 'The legal return time if a dossier of this procedure were received now',
    access: staff,
    input: z.object({ procedureCode: z.string().min(1).max(60) }).strict(),
    output: z.object({ receivedAt: IsoTime, dueAt: IsoTime, processingText: z.string() }),
  }),
  'dossiers.receive': op({
    summary: 'Receive a complete dossier: allocate its code, compute the return time, queue the receipt slip (returned; null without a receipt printer)',
    access: staff,
    input: IntakeInput,
    output: ReceivedDossier,
  }),
  'dossiers.requestSupplement': op({
    summary: 'An incomplete dossier at the desk: record it and list everything missing (Phiếu yêu cầu bổ sung)',
    access: staff,
    input: IntakeInput.extend({ items: z.array(z.object({ what: z.string().min(1).max(300), reason: z.string().min(1).max(300) })).min(1).max(40) }),
    output: Dossier,
  }),
  'dossiers.refuse': op({
    summary: 'Refuse a dossier at the desk, with the reason in words (Phiếu từ chối)',
    access: staff,
    input: IntakeInput.extend({ reason: z.string().trim().min(10).max(1000) }),
    output: Dossier,
  }),
  'dossiers.completeSupplement': op({
    summary: 'The missing papers arrived: receive the dossier (first receipt: it gets its code and its slip is queued) and restart the clock',
    access: staff,
    input: z.object({
      dossierId: Id,
      documents: z.array(z.object({ index: z.int().min(0), count: z.int().min(0).max(50) })).max(60),
      /** As for dossiers.receive: the due time restarts from the hub's clock, off the central's (CLOCK_SKEW_CONFIRM). */
      clockConfirmed: z.boolean().optional(),
    }).strict(),
    output: ReceivedDossier,
  }),
  'dossiers.requestMore': op({
    summary: 'The deciding authority asks for more papers during processing: the clock stops',
    access: staff,
    input: z.object({ dossierId: Id, items: z.array(z.object({ what: z.string().min(1).max(300), reason: z.string().min(1).max(300) })).min(1).max(40) }).strict(),
    output: Dossier,
  }),
  'dossiers.advance': op({
    summary: 'Record a processing step: forwarded, being processed, result ready',
    access: staff,
    input: z.object({ dossierId: Id, step: z.enum(['forward', 'startProcessing', 'resultReady']), note: z.string().max(500).default('') }).strict(),
    output: Dossier,
  }),
  'dossiers.returnResult': op({
    summary: 'Hand the result over and record who received it (Phiếu trả kết quả)',
    access: staff,
    input: z.object({
      dossierId: Id,
      results: z.array(z.object({ name: z.string().min(1).max(200), count: z.int().min(1).max(50) })).min(1).max(20),
      receiver: z.object({ name: z.string().trim().min(2).max(120), idNumber: z.string().trim().max(20), relation: z.string().max(80) }),
    }).strict(),
    output: Dossier,
  }),
  'dossiers.extend': op({
    summary: 'Extend the return time with an apology and a reason (Văn bản xin lỗi và đề nghị gia hạn)',
    access: staff,
    input: z.object({ dossierId: Id, newDueAt: IsoTime, reason: z.string().trim().min(10).max(1000) }).strict(),
    output: Dossier,
  }),
  'dossiers.withdraw': op({
    summary: 'The applicant withdraws: stop processing (Thông báo dừng giải quyết)',
    access: staff,
    input: z.object({ dossierId: Id, reason: z.string().max(1000) }).strict(),
    output: Dossier,
  }),
  'dossiers.get': op({ summary: 'One dossier with its history (the view is audited)', access: staff, input: z.object({ dossierId: Id }).strict(), output: Dossier }),
  'dossiers.search': op({
    summary: 'Find dossiers by code (its start, or its tail after the agency code), the receipt\'s lookup code, ID number, phone or a fragment of the name (diacritics and apostrophes ignored); ID numbers masked',
    access: staff,
    input: z.object({ q: z.string().trim().min(1).max(120), limit: z.int().min(1).max(200).default(50) }).strict(),
    output: z.array(DossierSummary),
  }),
  'dossiers.byReceiptQr': op({
    summary: 'The dossier of a scanned receipt (code and lookup code must both match)',
    access: staff,
    input: z.object({ code: z.string().min(1).max(80), lookupCode: z.string().min(4).max(16) }).strict(),
    output: Dossier,
  }),
  'dossiers.form': op({
    summary: 'The A4 form of a dossier as PDF (receipt, supplement request, refusal, apology, withdrawal, hand-over); printing is audited',
    access: staff,
    input: z.object({ dossierId: Id, form: DossierForm }).strict(),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
  'dossiers.printSlip': op({ summary: 'Print the 80 mm receipt slip on the counter’s receipt printer', access: staff, input: z.object({ dossierId: Id }).strict(), output: PrintJob }),
  'dossiers.attachScan': op({
    summary: 'Attach a scan (PDF, JPG, PNG) to a dossier paper: stored on disk with its hash and page count',
    access: staff,
    input: z.object({ dossierId: Id, documentIndex: z.int().min(0).nullable(), fileName: z.string().min(1).max(200), mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']), dataBase64: z.string().min(4).max(base64Length(SCAN_UPLOAD.maxFileBytes)) }).strict(),
    output: DossierFile,
    upload: SCAN_UPLOAD,
  }),
  'dossiers.openScan': op({
    summary: 'Open an attached scan (audited)',
    access: staff,
    input: z.object({ fileId: Id }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  }),
  'dossiers.register': op({
    summary: 'The register (Sổ theo dõi hồ sơ) of a period as XLSX or PDF (export is audited)',
    access: staff,
    input: z.object({ from: VnDate, to: VnDate, format: z.enum(['xlsx', 'pdf']) }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  }),
  'dossiers.lookup': op({
    summary: 'Public status lookup with the dossier code and the secret lookup code (no personal data)',
    access: { public: true },
    input: ReceiptKeys,
    /** `applicantMasked`: initials only (main/core/citizen-dossier.ts); `headline`, `detail`: what the citizen's status page says. */
    output: z.object({
      code: z.string(), procedureName: z.string(), status: DossierStatus, receivedAt: IsoTime, dueAt: IsoTime.nullable(), returnedAt: IsoTime.nullable(),
      applicantMasked: z.string(), headline: z.string(), detail: z.string().nullable(), siteName: z.string(), sampleData: z.boolean(),
    }),
  }),

  'sync.status': op({
    summary: 'Sync with the central: online, pending events and the age of the oldest, last success, rejections, clock skew',
    access: staff,
    input: Empty,
    output: SyncStatusView,
  }),
  'sync.now': op({ summary: 'Synchronize now and report the outcome', access: staff, input: Empty, output: SyncStatusView }),
  'admin.enrollSync': op({
    summary: 'Connect the site to the central with the site id and credential the province issued (checked before saving)',
    access: admin,
    input: z.object({ centralUrl: z.url().max(300), siteId: z.string().min(1).max(80), credential: z.string().min(8).max(500) }).strict(),
    output: SyncStatusView,
  }),
  'admin.saveSyncSettings': op({
    summary: 'How long acknowledged outbox events are kept at the hub before they are pruned (the central keeps the log)',
    access: admin,
    input: z.object({ outboxRetentionDays: z.int().min(7).max(3650) }).strict(),
    output: SyncStatusView,
  }),
  'admin.newSyncStream': op({
    summary: 'Start a new outbox stream (after a restore from backup, when the central reports a seq conflict)',
    access: admin,
    input: Empty,
    output: SyncStatusView,
  }),
  'backups.list': op({
    summary: 'Backups: the sets in the data folder and on the second location, the last and next run, and what is wrong',
    access: admin,
    input: Empty,
    output: BackupStatus,
  }),
  'backups.create': op({
    summary: 'Take a backup now (database and scans) to the data folder and the second location',
    access: admin,
    input: Empty,
    output: BackupCreated,
  }),
  'backups.settings': op({ summary: 'Backup settings: interval, second location, rotation, encryption', access: admin, input: Empty, output: BackupSettings }),
  'backups.saveSettings': op({
    summary: 'Change the backup settings (a passphrase is turned into a key; the passphrase itself is never stored)',
    access: admin,
    input: BackupSettingsInput,
    output: BackupSettings,
  }),
  'backups.restore': op({
    summary: 'Restore a backup set: checked first, the current database kept aside, then the hub restarts on the copy with a new sync stream',
    access: admin,
    input: RestoreInput,
    output: RestoreStarted,
  }),
  'dossiers.updateApplicant': op({
    summary: 'Correct the applicant’s details of a dossier (site-owned fields; synced to the central)',
    access: staff,
    input: z.object({ dossierId: Id, applicant: Applicant }).strict(),
    output: Dossier,
  }),

  'reports.queue': op({
    summary: 'Queue report of a period: tickets issued, served, no-show, cancelled, moved; wait and service times; share within the target wait; per counter; arrivals by weekday and hour (an officer: his own figures only)',
    access: staff,
    input: QueueReportInput,
    output: QueueReport,
  }),
  'reports.dossiers': op({
    summary: 'Dossier report of a period: received by procedure, field and channel; early / on time / late (QĐ 766); supplement and refusal rates; digitised at intake; processing days; overdue and due soon now (an officer: his own dossiers only)',
    access: staff,
    input: DossierReportInput,
    output: DossierReport,
  }),
  'reports.satisfaction': op({
    summary: 'Satisfaction report of a period: ratings by level and reason, for the site, per counter and per officer, and the share satisfied (an officer: his own ratings only)',
    access: staff,
    input: QueueReportInput,
    output: SatisfactionReport,
  }),
  'reports.monthly': op({
    summary: 'The monthly report by field: carried over and received, handled early / on time / late (QĐ 766), withdrawn, pending within time or overdue at the end (an officer: his own dossiers only)',
    access: staff,
    input: DossierReportInput,
    output: MonthlyReport,
  }),
  'reports.appointments': op({
    summary: 'Bookings of a period (by slot date) per service: booked, cancelled, checked in early / on time / late, no-shows, upcoming (the site’s figures: bookings belong to no officer)',
    access: staff,
    input: AppointmentReportInput,
    output: AppointmentReport,
  }),
  'reports.export': op({
    summary: 'A report of a period as XLSX (numbers as numbers, dates as dates) or A4 PDF with the site’s header and charts; the export is audited',
    access: staff,
    input: ReportExportInput,
    output: ReportFile,
  }),
  'reports.now': op({
    summary: 'The live view: queues per service with the longest wait and the counters calling for each, counters open, paused or closed, printers needing attention',
    access: supervisor,
    input: Empty,
    output: ReportNow,
  }),
  'reports.filters': op({
    summary: 'The choices of the report filters: services, counters and staff, inactive ones included',
    access: supervisor,
    input: Empty,
    output: ReportFilterChoices,
  }),
  'reports.settings': op({ summary: 'Report settings: the target wait', access: supervisor, input: Empty, output: ReportSettings }),
  'admin.saveReportSettings': op({ summary: 'Change the report settings (the target wait)', access: admin, input: ReportSettings.strict(), output: ReportSettings }),

  'calls.since': op({
    summary: 'Every call and recall after the given call id, in order (displays catch up with this)',
    access: { staff: 'officer', devices: ['display', 'rating'] },
    input: z.object({ after: z.int().min(0), limit: z.int().min(1).max(500).default(200) }).strict(),
    output: z.object({ calls: z.array(Call), lastId: z.int() }),
  }),
  'display.state': op({
    summary: 'What the waiting-room display shows: recent calls with marks, waiting counts, ticker',
    access: { staff: 'officer', devices: ['display'] },
    input: Empty,
    output: z.object({
      siteName: z.string(),
      /** The site runs on sample data: the TV says so beside the unit's name. */
      sampleData: z.boolean(),
      ticker: z.string(),
      recent: z.array(DisplayCall),
      /** The call shown large, chosen by the hub (main/core/display-current.ts): none once its citizen was marked absent. */
      current: Call.nullable(),
      queue: z.array(ServiceQueueCount),
      lastCallId: z.int(),
    }),
  }),
} as const;

export type Ops = typeof ops;
export type OpName = keyof Ops;
export type OpInput<K extends OpName> = z.input<Ops[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Ops[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Ops[K]['output']>;

export const opNames = Object.keys(ops) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(ops, name);
}
