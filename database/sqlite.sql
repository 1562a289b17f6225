CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "PreferredCulture" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NULL,
    "Role" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "OldValues" TEXT NULL,
    "NewValues" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "ClinicSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClinicSettings" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Cnpj" TEXT NULL,
    "Street" TEXT NULL,
    "Number" TEXT NULL,
    "Complement" TEXT NULL,
    "District" TEXT NULL,
    "City" TEXT NULL,
    "State" TEXT NULL,
    "PostalCode" TEXT NULL,
    "Phone" TEXT NULL,
    "TimeZoneId" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEntries_OccurredAtUtc" ON "AuditEntries" ("OccurredAtUtc");

CREATE UNIQUE INDEX "IX_AuditEntries_Sequence" ON "AuditEntries" ("Sequence");

CREATE INDEX "IX_AuditEntries_UserId" ON "AuditEntries" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121000000_Foundation', '10.0.15');

CREATE TABLE "ClinicClosedDays" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ClinicClosedDays" PRIMARY KEY,
    "Date" TEXT NOT NULL,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Equipment" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Equipment" PRIMARY KEY,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Rooms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Rooms" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "Treatments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Treatments" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Description" TEXT NULL,
    "DurationMinutes" INTEGER NOT NULL,
    "Price" TEXT NOT NULL,
    "TussCode" TEXT NULL,
    "ProductType" TEXT NOT NULL,
    "AnvisaRegistration" TEXT NULL,
    "AllowedProfessions" TEXT NOT NULL,
    "MinimumAge" INTEGER NULL,
    "MaximumAge" INTEGER NULL,
    "ContraindicatedInPregnancy" INTEGER NOT NULL,
    "ContraindicatedInBreastfeeding" INTEGER NOT NULL,
    "Contraindications" TEXT NULL,
    "RecommendedSessions" INTEGER NULL,
    "SessionIntervalDays" INTEGER NULL,
    "PreCare" TEXT NULL,
    "PostCare" TEXT NULL,
    "PhotoRequired" INTEGER NOT NULL,
    "PriorConsultationRequired" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "Professionals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Professionals" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "Profession" TEXT NOT NULL,
    "Council" TEXT NOT NULL,
    "CouncilNumber" TEXT NULL,
    "CouncilState" TEXT NULL,
    "CouncilRegion" INTEGER NULL,
    "CouncilCategory" TEXT NULL,
    "Rqe" TEXT NULL,
    "RegistrationStatus" TEXT NOT NULL,
    "LastVerifiedOn" TEXT NULL,
    "CardValidUntil" TEXT NULL,
    "FeesPaidThrough" TEXT NULL,
    "Specialties" TEXT NULL,
    "Bio" TEXT NULL,
    "DefaultConsultationMinutes" INTEGER NOT NULL,
    "Color" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "UserId" TEXT NULL,
    "RequiresSupervision" INTEGER NOT NULL,
    "SupervisorId" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Professionals_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Professionals_Professionals_SupervisorId" FOREIGN KEY ("SupervisorId") REFERENCES "Professionals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RoomEquipment" (
    "EquipmentId" TEXT NOT NULL,
    "RoomId" TEXT NOT NULL,
    CONSTRAINT "PK_RoomEquipment" PRIMARY KEY ("EquipmentId", "RoomId"),
    CONSTRAINT "FK_RoomEquipment_Equipment_EquipmentId" FOREIGN KEY ("EquipmentId") REFERENCES "Equipment" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RoomEquipment_Rooms_RoomId" FOREIGN KEY ("RoomId") REFERENCES "Rooms" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TreatmentRequiredEquipment" (
    "RequiredEquipmentId" TEXT NOT NULL,
    "TreatmentId" TEXT NOT NULL,
    CONSTRAINT "PK_TreatmentRequiredEquipment" PRIMARY KEY ("RequiredEquipmentId", "TreatmentId"),
    CONSTRAINT "FK_TreatmentRequiredEquipment_Equipment_RequiredEquipmentId" FOREIGN KEY ("RequiredEquipmentId") REFERENCES "Equipment" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TreatmentRequiredEquipment_Treatments_TreatmentId" FOREIGN KEY ("TreatmentId") REFERENCES "Treatments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AvailabilityExceptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AvailabilityExceptions" PRIMARY KEY,
    "ProfessionalId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Start" TEXT NULL,
    "End" TEXT NULL,
    "Reason" TEXT NULL,
    CONSTRAINT "FK_AvailabilityExceptions_Professionals_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "Professionals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProfessionalScopes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProfessionalScopes" PRIMARY KEY,
    "ProfessionalId" TEXT NOT NULL,
    "TreatmentId" TEXT NOT NULL,
    "Mode" TEXT NOT NULL,
    "Conditions" TEXT NULL,
    "ValidFrom" TEXT NULL,
    "ValidUntil" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_ProfessionalScopes_Professionals_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "Professionals" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ProfessionalScopes_Treatments_TreatmentId" FOREIGN KEY ("TreatmentId") REFERENCES "Treatments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkingHours" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkingHours" PRIMARY KEY,
    "ProfessionalId" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    CONSTRAINT "FK_WorkingHours_Professionals_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "Professionals" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AvailabilityExceptions_ProfessionalId_Date" ON "AvailabilityExceptions" ("ProfessionalId", "Date");

CREATE UNIQUE INDEX "IX_ClinicClosedDays_Date" ON "ClinicClosedDays" ("Date");

CREATE UNIQUE INDEX "IX_Equipment_Name" ON "Equipment" ("Name");

CREATE INDEX "IX_Professionals_FullName" ON "Professionals" ("FullName");

CREATE INDEX "IX_Professionals_SupervisorId" ON "Professionals" ("SupervisorId");

CREATE UNIQUE INDEX "IX_Professionals_UserId" ON "Professionals" ("UserId");

CREATE INDEX "IX_ProfessionalScopes_ProfessionalId_TreatmentId" ON "ProfessionalScopes" ("ProfessionalId", "TreatmentId");

CREATE INDEX "IX_ProfessionalScopes_TreatmentId" ON "ProfessionalScopes" ("TreatmentId");

CREATE INDEX "IX_RoomEquipment_RoomId" ON "RoomEquipment" ("RoomId");

CREATE UNIQUE INDEX "IX_Rooms_Name" ON "Rooms" ("Name");

CREATE INDEX "IX_TreatmentRequiredEquipment_TreatmentId" ON "TreatmentRequiredEquipment" ("TreatmentId");

CREATE INDEX "IX_Treatments_Name" ON "Treatments" ("Name");

CREATE INDEX "IX_WorkingHours_ProfessionalId_Day" ON "WorkingHours" ("ProfessionalId", "Day");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121010000_ProfessionalsAndCatalog', '10.0.15');

CREATE TABLE "ConsentTerms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentTerms" PRIMARY KEY,
    "Purpose" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL
);

CREATE TABLE "Patients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Patients" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "SocialName" TEXT NULL,
    "BirthDate" TEXT NOT NULL,
    "Sex" TEXT NOT NULL,
    "Cpf" TEXT NULL,
    "IsForeigner" INTEGER NOT NULL,
    "PassportNumber" TEXT NULL,
    "PassportCountry" TEXT NULL,
    "Cns" TEXT NULL,
    "Rg" TEXT NULL,
    "RgIssuer" TEXT NULL,
    "MobilePhone" TEXT NULL,
    "OtherPhone" TEXT NULL,
    "Email" TEXT NULL,
    "PreferredChannel" TEXT NOT NULL,
    "PostalCode" TEXT NULL,
    "Street" TEXT NULL,
    "Number" TEXT NULL,
    "Complement" TEXT NULL,
    "District" TEXT NULL,
    "City" TEXT NULL,
    "State" TEXT NULL,
    "Occupation" TEXT NULL,
    "EmergencyContactName" TEXT NULL,
    "EmergencyContactRelationship" TEXT NULL,
    "EmergencyContactPhone" TEXT NULL,
    "GuardianName" TEXT NULL,
    "GuardianRelationship" TEXT NULL,
    "GuardianCpf" TEXT NULL,
    "GuardianPhone" TEXT NULL,
    "SearchName" TEXT NOT NULL,
    "PhoneDigitsReversed" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "AnonymizedAtUtc" TEXT NULL,
    "RecordBlocked" INTEGER NOT NULL,
    "RetentionUntil" TEXT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "DataSubjectRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataSubjectRequests" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Right" TEXT NOT NULL,
    "ReceivedAtUtc" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "IdentityVerified" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Details" TEXT NULL,
    "AnsweredAtUtc" TEXT NULL,
    "Outcome" TEXT NULL,
    "RefusalReason" TEXT NULL,
    "HandledByUserId" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_DataSubjectRequests_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "HealthProfiles" (
    "PatientId" TEXT NOT NULL CONSTRAINT "PK_HealthProfiles" PRIMARY KEY,
    "Allergies" TEXT NULL,
    "NoKnownAllergies" INTEGER NOT NULL,
    "AllergiesConfirmedAtUtc" TEXT NULL,
    "CurrentMedications" TEXT NULL,
    "MedicationsConfirmedAtUtc" TEXT NULL,
    "MedicalConditions" TEXT NULL,
    "ConditionsConfirmedAtUtc" TEXT NULL,
    "PreviousAestheticProcedures" TEXT NULL,
    "PreviousProceduresConfirmedAtUtc" TEXT NULL,
    "Contraindications" TEXT NULL,
    "ContraindicationsConfirmedAtUtc" TEXT NULL,
    "Pregnant" INTEGER NOT NULL,
    "Breastfeeding" INTEGER NOT NULL,
    "PregnancyStatedOn" TEXT NULL,
    "FitzpatrickType" INTEGER NULL,
    "FitzpatrickConfirmedAtUtc" TEXT NULL,
    "AestheticGoals" TEXT NULL,
    "GoalsConfirmedAtUtc" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_HealthProfiles_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PatientConsents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PatientConsents" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "TermId" TEXT NOT NULL,
    "GrantedAtUtc" TEXT NOT NULL,
    "RecordedByUserId" TEXT NULL,
    "RecordedByName" TEXT NULL,
    "Method" TEXT NOT NULL,
    "WithdrawnAtUtc" TEXT NULL,
    "WithdrawnByUserId" TEXT NULL,
    "WithdrawnByName" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_PatientConsents_ConsentTerms_TermId" FOREIGN KEY ("TermId") REFERENCES "ConsentTerms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PatientConsents_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PatientNameTokens" (
    "PatientId" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    CONSTRAINT "PK_PatientNameTokens" PRIMARY KEY ("PatientId", "Token"),
    CONSTRAINT "FK_PatientNameTokens_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ConsentTerms_Purpose_Version" ON "ConsentTerms" ("Purpose", "Version");

CREATE INDEX "IX_DataSubjectRequests_PatientId" ON "DataSubjectRequests" ("PatientId");

CREATE INDEX "IX_DataSubjectRequests_Status_DueOn" ON "DataSubjectRequests" ("Status", "DueOn");

CREATE INDEX "IX_PatientConsents_PatientId_Purpose" ON "PatientConsents" ("PatientId", "Purpose");

CREATE INDEX "IX_PatientConsents_TermId" ON "PatientConsents" ("TermId");

CREATE INDEX "IX_PatientNameTokens_Token_PatientId" ON "PatientNameTokens" ("Token", "PatientId");

CREATE UNIQUE INDEX "IX_Patients_Cpf" ON "Patients" ("Cpf");

CREATE INDEX "IX_Patients_PhoneDigitsReversed" ON "Patients" ("PhoneDigitsReversed");

CREATE INDEX "IX_Patients_SearchName_BirthDate" ON "Patients" ("SearchName", "BirthDate");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121020000_Patients', '10.0.15');

CREATE TABLE "SchedulingSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SchedulingSettings" PRIMARY KEY,
    "SlotMinutes" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "LateCancellationNoticeHours" INTEGER NOT NULL,
    "LateCancellationFee" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "Appointments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY,
    "PatientId" TEXT NOT NULL,
    "ProfessionalId" TEXT NOT NULL,
    "TreatmentId" TEXT NOT NULL,
    "RoomId" TEXT NULL,
    "StartUtc" TEXT NOT NULL,
    "EndUtc" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "SupervisorId" TEXT NULL,
    "RescheduledFromId" TEXT NULL,
    "MoveCount" INTEGER NOT NULL,
    "CancelledAtUtc" TEXT NULL,
    "CancelledByName" TEXT NULL,
    "CancellationReason" TEXT NULL,
    "CancellationFee" TEXT NULL,
    "AcknowledgedWarnings" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CreatedByName" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedByName" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Appointments_Appointments_RescheduledFromId" FOREIGN KEY ("RescheduledFromId") REFERENCES "Appointments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Patients_PatientId" FOREIGN KEY ("PatientId") REFERENCES "Patients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Professionals_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "Professionals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Professionals_SupervisorId" FOREIGN KEY ("SupervisorId") REFERENCES "Professionals" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Rooms_RoomId" FOREIGN KEY ("RoomId") REFERENCES "Rooms" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Treatments_TreatmentId" FOREIGN KEY ("TreatmentId") REFERENCES "Treatments" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AppointmentStatusChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppointmentStatusChanges" PRIMARY KEY,
    "AppointmentId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "ByUserId" TEXT NULL,
    "ByName" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AppointmentStatusChanges_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Appointments_PatientId_StartUtc" ON "Appointments" ("PatientId", "StartUtc");

CREATE INDEX "IX_Appointments_ProfessionalId_StartUtc" ON "Appointments" ("ProfessionalId", "StartUtc");

CREATE INDEX "IX_Appointments_RescheduledFromId" ON "Appointments" ("RescheduledFromId");

CREATE INDEX "IX_Appointments_RoomId_StartUtc" ON "Appointments" ("RoomId", "StartUtc");

CREATE INDEX "IX_Appointments_StartUtc" ON "Appointments" ("StartUtc");

CREATE INDEX "IX_Appointments_SupervisorId" ON "Appointments" ("SupervisorId");

CREATE INDEX "IX_Appointments_TreatmentId" ON "Appointments" ("TreatmentId");

CREATE INDEX "IX_AppointmentStatusChanges_AppointmentId_AtUtc" ON "AppointmentStatusChanges" ("AppointmentId", "AtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261121040000_Scheduling', '10.0.15');

DROP INDEX "IX_AuditEntries_UserId";

CREATE INDEX "IX_AuditEntries_UserId_Sequence" ON "AuditEntries" ("UserId", "Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_AuditTrailByUser', '10.0.15');

ALTER TABLE "AspNetUsers" ADD "MustEnrollTwoFactor" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128000000_MustEnrollTwoFactor', '10.0.15');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128060214_ModelBaseline', '10.0.15');

CREATE TABLE QRTZ_JOB_DETAILS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    JOB_NAME NVARCHAR(150) NOT NULL,
    JOB_GROUP NVARCHAR(150) NOT NULL,
    DESCRIPTION NVARCHAR(250) NULL,
    JOB_CLASS_NAME NVARCHAR(250) NOT NULL,
    IS_DURABLE BIT NOT NULL,
    IS_NONCONCURRENT BIT NOT NULL,
    IS_UPDATE_DATA BIT NOT NULL,
    REQUESTS_RECOVERY BIT NOT NULL,
    JOB_DATA BLOB NULL,
    CONSTRAINT PK_QRTZ_JOB_DETAILS PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
)

CREATE TABLE QRTZ_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    JOB_NAME NVARCHAR(150) NOT NULL,
    JOB_GROUP NVARCHAR(150) NOT NULL,
    DESCRIPTION NVARCHAR(250) NULL,
    NEXT_FIRE_TIME BIGINT NULL,
    PREV_FIRE_TIME BIGINT NULL,
    PRIORITY INTEGER NULL,
    TRIGGER_STATE NVARCHAR(16) NOT NULL,
    TRIGGER_TYPE NVARCHAR(8) NOT NULL,
    START_TIME BIGINT NOT NULL,
    END_TIME BIGINT NULL,
    CALENDAR_NAME NVARCHAR(200) NULL,
    MISFIRE_INSTR INTEGER NULL,
    MISFIRE_ORIG_FIRE_TIME BIGINT NULL,
    EXECUTION_GROUP NVARCHAR(200) NULL,
    PREFERRED_NODE NVARCHAR(200) NULL,
    PREFERRED_NODE_AUTO BIT NOT NULL DEFAULT 0,
    RETRY_POLICY NVARCHAR(250) NULL,
    RETRY_ATTEMPT INTEGER NULL,
    CONTINUES_TRIGGER_NAME NVARCHAR(150) NULL,
    CONTINUES_TRIGGER_GROUP NVARCHAR(150) NULL,
    CONTINUATION_CONDITION INTEGER NULL,
    OVERLAP_POLICY INTEGER NULL,
    PAUSE_REASON NVARCHAR(250) NULL,
    PAUSED_BY NVARCHAR(200) NULL,
    PAUSED_AT BIGINT NULL,
    MISFIRE_THRESHOLD BIGINT NULL,
    FIXED_DELAY BIT NULL,
    JOB_DATA BLOB NULL,
    CONSTRAINT PK_QRTZ_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_TRIGGERS_JOB_DETAILS FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
)

CREATE TABLE QRTZ_SIMPLE_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    REPEAT_COUNT BIGINT NOT NULL,
    REPEAT_INTERVAL BIGINT NOT NULL,
    TIMES_TRIGGERED BIGINT NOT NULL,
    CONSTRAINT PK_QRTZ_SIMPLE_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_SIMPLE_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)

CREATE TABLE QRTZ_CRON_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    CRON_EXPRESSION NVARCHAR(250) NOT NULL,
    TIME_ZONE_ID NVARCHAR(80) NULL,
    CONSTRAINT PK_QRTZ_CRON_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_CRON_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)

CREATE TABLE QRTZ_SIMPROP_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    STR_PROP_1 NVARCHAR(512) NULL,
    STR_PROP_2 NVARCHAR(512) NULL,
    STR_PROP_3 NVARCHAR(512) NULL,
    INT_PROP_1 INTEGER NULL,
    INT_PROP_2 INTEGER NULL,
    LONG_PROP_1 BIGINT NULL,
    LONG_PROP_2 BIGINT NULL,
    DEC_PROP_1 NUMERIC(13,4) NULL,
    DEC_PROP_2 NUMERIC(13,4) NULL,
    BOOL_PROP_1 BIT NULL,
    BOOL_PROP_2 BIT NULL,
    TIME_ZONE_ID NVARCHAR(80) NULL,
    CONSTRAINT PK_QRTZ_SIMPROP_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_SIMPROP_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)

CREATE TABLE QRTZ_BLOB_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    BLOB_DATA BLOB NULL,
    CONSTRAINT PK_QRTZ_BLOB_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_BLOB_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)

CREATE TABLE QRTZ_CALENDARS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    CALENDAR_NAME NVARCHAR(200) NOT NULL,
    CALENDAR BLOB NOT NULL,
    CONSTRAINT PK_QRTZ_CALENDARS PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
)

CREATE TABLE QRTZ_PAUSED_TRIGGER_GRPS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    PAUSE_REASON NVARCHAR(250) NULL,
    PAUSED_BY NVARCHAR(200) NULL,
    PAUSED_AT BIGINT NULL,
    CONSTRAINT PK_QRTZ_PAUSED_TRIGGER_GRPS PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
)

CREATE TABLE QRTZ_PAUSED_JOB_GRPS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    JOB_GROUP NVARCHAR(150) NOT NULL,
    PAUSE_REASON NVARCHAR(250) NULL,
    PAUSED_BY NVARCHAR(200) NULL,
    PAUSED_AT BIGINT NULL,
    CONSTRAINT PK_QRTZ_PAUSED_JOB_GRPS PRIMARY KEY (SCHED_NAME, JOB_GROUP)
)

CREATE TABLE QRTZ_FIRED_TRIGGERS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    ENTRY_ID NVARCHAR(140) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    INSTANCE_NAME NVARCHAR(200) NOT NULL,
    FIRED_TIME BIGINT NOT NULL,
    SCHED_TIME BIGINT NOT NULL,
    PRIORITY INTEGER NOT NULL,
    STATE NVARCHAR(16) NOT NULL,
    JOB_NAME NVARCHAR(150) NULL,
    JOB_GROUP NVARCHAR(150) NULL,
    IS_NONCONCURRENT BIT NULL,
    REQUESTS_RECOVERY BIT NULL,
    EXECUTION_GROUP NVARCHAR(200) NULL,
    PROGRESS INTEGER NULL,
    PROGRESS_MESSAGE NVARCHAR(250) NULL,
    INTERRUPT_REQUESTED_TIME BIGINT NULL,
    CONSTRAINT PK_QRTZ_FIRED_TRIGGERS PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)

CREATE TABLE QRTZ_SCHEDULER_STATE (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    INSTANCE_NAME NVARCHAR(200) NOT NULL,
    LAST_CHECKIN_TIME BIGINT NOT NULL,
    CHECKIN_INTERVAL BIGINT NOT NULL,
    QUARTZ_VERSION NVARCHAR(20) NULL,
    CONSTRAINT PK_QRTZ_SCHEDULER_STATE PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
)

CREATE TABLE QRTZ_LOCKS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    LOCK_NAME NVARCHAR(40) NOT NULL,
    CONSTRAINT PK_QRTZ_LOCKS PRIMARY KEY (SCHED_NAME, LOCK_NAME)
)

CREATE TABLE QRTZ_EXECUTION_HISTORY (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    ENTRY_ID NVARCHAR(140) NOT NULL,
    INSTANCE_NAME NVARCHAR(200) NOT NULL,
    JOB_NAME NVARCHAR(150) NOT NULL,
    JOB_GROUP NVARCHAR(150) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    FIRED_TIME BIGINT NOT NULL,
    RUN_TIME BIGINT NOT NULL,
    SUCCEEDED BIT NOT NULL,
    ERROR_MESSAGE NVARCHAR(1000) NULL,
    RETRY_ATTEMPT INTEGER NOT NULL DEFAULT 0,
    RETRY_SCHEDULED BIT NOT NULL DEFAULT 0,
    EXECUTION_LOG TEXT NULL,
    RESULT INTEGER NULL,
    SUMMARY NVARCHAR(1000) NULL,
    METRICS TEXT NULL,
    MANUAL BIT NULL,
    FIRE_INSTANCE_ID NVARCHAR(140) NULL,
    JOB_INPUT TEXT NULL,
    JOB_INPUT_TOO_LARGE BIT NULL,
    CONSTRAINT PK_QRTZ_EXECUTION_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)

CREATE TABLE QRTZ_MISFIRE_HISTORY (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    ENTRY_ID NVARCHAR(140) NOT NULL,
    INSTANCE_NAME NVARCHAR(200) NOT NULL,
    TRIGGER_NAME NVARCHAR(150) NOT NULL,
    TRIGGER_GROUP NVARCHAR(150) NOT NULL,
    JOB_NAME NVARCHAR(150) NULL,
    JOB_GROUP NVARCHAR(150) NULL,
    MISFIRE_TIME BIGINT NOT NULL,
    SCHED_TIME BIGINT NULL,
    REASON INTEGER NULL,
    CONSTRAINT PK_QRTZ_MISFIRE_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)

CREATE TABLE QRTZ_JOB_STATUS (
    SCHED_NAME NVARCHAR(120) NOT NULL,
    JOB_GROUP NVARCHAR(150) NOT NULL,
    JOB_NAME NVARCHAR(150) NOT NULL,
    FIRST_FIRED_TIME BIGINT NOT NULL,
    LAST_FIRED_TIME BIGINT NOT NULL,
    LAST_RESULT INTEGER NOT NULL,
    LAST_RUN_TIME BIGINT NOT NULL,
    LAST_INSTANCE_NAME NVARCHAR(200) NOT NULL,
    LAST_ENTRY_ID NVARCHAR(140) NULL,
    LAST_SUMMARY NVARCHAR(1000) NULL,
    LAST_SUCCESS_TIME BIGINT NULL,
    LAST_FAILURE_TIME BIGINT NULL,
    LAST_FAILURE_MESSAGE NVARCHAR(1000) NULL,
    CONSECUTIVE_FAILURES INTEGER NOT NULL DEFAULT 0,
    RUN_COUNT BIGINT NOT NULL DEFAULT 0,
    FAILURE_COUNT BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT PK_QRTZ_JOB_STATUS PRIMARY KEY (SCHED_NAME, JOB_GROUP, JOB_NAME)
)

CREATE INDEX IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME)

CREATE INDEX IDX_QRTZ_T_J ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP)

CREATE INDEX IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME)

CREATE INDEX IDX_QRTZ_T_C ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME)

CREATE INDEX IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC, MISFIRE_INSTR)

CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY)

CREATE INDEX IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP)

CREATE INDEX IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)

CREATE INDEX IDX_QRTZ_EH_FIRED_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRED_TIME)

CREATE INDEX IDX_QRTZ_EH_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, INSTANCE_NAME)

CREATE INDEX IDX_QRTZ_EH_JOB_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME)

CREATE INDEX IDX_QRTZ_EH_FIRE_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRE_INSTANCE_ID)

CREATE INDEX IDX_QRTZ_EH_TRIG_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME)

CREATE INDEX IDX_QRTZ_MH_MISFIRE_TIME ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, MISFIRE_TIME)

CREATE INDEX IDX_QRTZ_MH_INST ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, INSTANCE_NAME)

CREATE TABLE "ClusterCheckIns" (
    "ScheduledAtUtc" TEXT NOT NULL CONSTRAINT "PK_ClusterCheckIns" PRIMARY KEY,
    "Node" TEXT NOT NULL,
    "RanAtUtc" TEXT NOT NULL
);

CREATE TABLE "JobRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY,
    "Job" TEXT NOT NULL,
    "ScheduledAtUtc" TEXT NOT NULL,
    "StartedAtUtc" TEXT NOT NULL,
    "FinishedAtUtc" TEXT NOT NULL,
    "Node" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Summary" TEXT NULL,
    "Error" TEXT NULL
);

CREATE INDEX "IX_JobRuns_Job_StartedAtUtc" ON "JobRuns" ("Job", "StartedAtUtc");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128063921_JobStore', '10.0.15');

CREATE INDEX "IX_AuditEntries_EntityType_Sequence" ON "AuditEntries" ("EntityType", "Sequence");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128081124_AuditByEntityIndex', '10.0.15');

