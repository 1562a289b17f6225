IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

CREATE TABLE [AspNetRoles] (
    [Id] nvarchar(450) NOT NULL,
    [Name] nvarchar(256) NULL,
    [NormalizedName] nvarchar(256) NULL,
    [ConcurrencyStamp] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [AspNetUsers] (
    [Id] nvarchar(450) NOT NULL,
    [FullName] nvarchar(200) NOT NULL,
    [PreferredCulture] varchar(10) NOT NULL,
    [IsDisabled] bit NOT NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [UserName] nvarchar(256) NULL,
    [NormalizedUserName] nvarchar(256) NULL,
    [Email] nvarchar(256) NULL,
    [NormalizedEmail] nvarchar(256) NULL,
    [EmailConfirmed] bit NOT NULL,
    [PasswordHash] nvarchar(max) NULL,
    [SecurityStamp] nvarchar(max) NULL,
    [ConcurrencyStamp] nvarchar(max) NULL,
    [PhoneNumber] nvarchar(max) NULL,
    [PhoneNumberConfirmed] bit NOT NULL,
    [TwoFactorEnabled] bit NOT NULL,
    [LockoutEnd] datetimeoffset NULL,
    [LockoutEnabled] bit NOT NULL,
    [AccessFailedCount] int NOT NULL,
    CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [AuditEntries] (
    [Id] uniqueidentifier NOT NULL,
    [Sequence] bigint NOT NULL,
    [OccurredAtUtc] datetime2 NOT NULL,
    [UserId] nvarchar(450) NULL,
    [UserName] nvarchar(256) NULL,
    [Role] nvarchar(100) NULL,
    [IpAddress] varchar(64) NULL,
    [UserAgent] nvarchar(512) NULL,
    [Action] varchar(32) NOT NULL,
    [EntityType] varchar(128) NOT NULL,
    [EntityId] varchar(128) NULL,
    [OldValues] nvarchar(max) NULL,
    [NewValues] nvarchar(max) NULL,
    [PreviousHash] varchar(64) NOT NULL,
    [Hash] varchar(64) NOT NULL,
    CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [ClinicSettings] (
    [Id] int NOT NULL,
    [Name] nvarchar(200) NOT NULL,
    [Cnpj] varchar(14) NULL,
    [Street] nvarchar(200) NULL,
    [Number] nvarchar(20) NULL,
    [Complement] nvarchar(100) NULL,
    [District] nvarchar(100) NULL,
    [City] nvarchar(100) NULL,
    [State] varchar(2) NULL,
    [PostalCode] varchar(8) NULL,
    [Phone] varchar(20) NULL,
    [TimeZoneId] varchar(64) NOT NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_ClinicSettings] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [DataProtectionKeys] (
    [Id] int NOT NULL IDENTITY,
    [FriendlyName] nvarchar(256) NULL,
    [Xml] nvarchar(max) NOT NULL,
    CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [AspNetRoleClaims] (
    [Id] int NOT NULL IDENTITY,
    [RoleId] nvarchar(450) NOT NULL,
    [ClaimType] nvarchar(max) NULL,
    [ClaimValue] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [AspNetUserClaims] (
    [Id] int NOT NULL IDENTITY,
    [UserId] nvarchar(450) NOT NULL,
    [ClaimType] nvarchar(max) NULL,
    [ClaimValue] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [AspNetUserLogins] (
    [LoginProvider] nvarchar(450) NOT NULL,
    [ProviderKey] nvarchar(450) NOT NULL,
    [ProviderDisplayName] nvarchar(max) NULL,
    [UserId] nvarchar(450) NOT NULL,
    CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
    CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [AspNetUserRoles] (
    [UserId] nvarchar(450) NOT NULL,
    [RoleId] nvarchar(450) NOT NULL,
    CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
    CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [AspNetUserTokens] (
    [UserId] nvarchar(450) NOT NULL,
    [LoginProvider] nvarchar(450) NOT NULL,
    [Name] nvarchar(450) NOT NULL,
    [Value] nvarchar(max) NULL,
    CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
    CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
);
GO

CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
GO

CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL;
GO

CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
GO

CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
GO

CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
GO

CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
GO

CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL;
GO

CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
GO

CREATE INDEX [IX_AuditEntries_OccurredAtUtc] ON [AuditEntries] ([OccurredAtUtc]);
GO

CREATE UNIQUE INDEX [IX_AuditEntries_Sequence] ON [AuditEntries] ([Sequence]);
GO

CREATE INDEX [IX_AuditEntries_UserId] ON [AuditEntries] ([UserId]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261121000000_Foundation', N'10.0.15');
GO

CREATE TABLE [ClinicClosedDays] (
    [Id] uniqueidentifier NOT NULL,
    [Date] date NOT NULL,
    [Name] nvarchar(100) NOT NULL,
    CONSTRAINT [PK_ClinicClosedDays] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Equipment] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(80) NOT NULL,
    CONSTRAINT [PK_Equipment] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Rooms] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(80) NOT NULL,
    [Description] nvarchar(500) NULL,
    [IsActive] bit NOT NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Rooms] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Treatments] (
    [Id] uniqueidentifier NOT NULL,
    [Name] nvarchar(120) NOT NULL,
    [Category] varchar(16) NOT NULL,
    [Description] nvarchar(2000) NULL,
    [DurationMinutes] int NOT NULL,
    [Price] decimal(10,2) NOT NULL,
    [TussCode] varchar(8) NULL,
    [ProductType] varchar(16) NOT NULL,
    [AnvisaRegistration] varchar(13) NULL,
    [AllowedProfessions] nvarchar(max) NOT NULL,
    [MinimumAge] int NULL,
    [MaximumAge] int NULL,
    [ContraindicatedInPregnancy] bit NOT NULL,
    [ContraindicatedInBreastfeeding] bit NOT NULL,
    [Contraindications] nvarchar(2000) NULL,
    [RecommendedSessions] int NULL,
    [SessionIntervalDays] int NULL,
    [PreCare] nvarchar(4000) NULL,
    [PostCare] nvarchar(4000) NULL,
    [PhotoRequired] bit NOT NULL,
    [PriorConsultationRequired] bit NOT NULL,
    [IsActive] bit NOT NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Treatments] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Professionals] (
    [Id] uniqueidentifier NOT NULL,
    [FullName] nvarchar(200) NOT NULL,
    [Profession] varchar(32) NOT NULL,
    [Council] varchar(16) NOT NULL,
    [CouncilNumber] varchar(16) NULL,
    [CouncilState] varchar(2) NULL,
    [CouncilRegion] int NULL,
    [CouncilCategory] varchar(8) NULL,
    [Rqe] varchar(16) NULL,
    [RegistrationStatus] varchar(16) NOT NULL,
    [LastVerifiedOn] date NULL,
    [CardValidUntil] date NULL,
    [FeesPaidThrough] date NULL,
    [Specialties] nvarchar(500) NULL,
    [Bio] nvarchar(2000) NULL,
    [DefaultConsultationMinutes] int NOT NULL,
    [Color] varchar(7) NOT NULL,
    [IsActive] bit NOT NULL,
    [UserId] nvarchar(450) NULL,
    [RequiresSupervision] bit NOT NULL,
    [SupervisorId] uniqueidentifier NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Professionals] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Professionals_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE SET NULL,
    CONSTRAINT [FK_Professionals_Professionals_SupervisorId] FOREIGN KEY ([SupervisorId]) REFERENCES [Professionals] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [RoomEquipment] (
    [EquipmentId] uniqueidentifier NOT NULL,
    [RoomId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_RoomEquipment] PRIMARY KEY ([EquipmentId], [RoomId]),
    CONSTRAINT [FK_RoomEquipment_Equipment_EquipmentId] FOREIGN KEY ([EquipmentId]) REFERENCES [Equipment] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_RoomEquipment_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [TreatmentRequiredEquipment] (
    [RequiredEquipmentId] uniqueidentifier NOT NULL,
    [TreatmentId] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_TreatmentRequiredEquipment] PRIMARY KEY ([RequiredEquipmentId], [TreatmentId]),
    CONSTRAINT [FK_TreatmentRequiredEquipment_Equipment_RequiredEquipmentId] FOREIGN KEY ([RequiredEquipmentId]) REFERENCES [Equipment] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_TreatmentRequiredEquipment_Treatments_TreatmentId] FOREIGN KEY ([TreatmentId]) REFERENCES [Treatments] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [AvailabilityExceptions] (
    [Id] uniqueidentifier NOT NULL,
    [ProfessionalId] uniqueidentifier NOT NULL,
    [Date] date NOT NULL,
    [Kind] varchar(16) NOT NULL,
    [Start] time NULL,
    [End] time NULL,
    [Reason] nvarchar(200) NULL,
    CONSTRAINT [PK_AvailabilityExceptions] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AvailabilityExceptions_Professionals_ProfessionalId] FOREIGN KEY ([ProfessionalId]) REFERENCES [Professionals] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [ProfessionalScopes] (
    [Id] uniqueidentifier NOT NULL,
    [ProfessionalId] uniqueidentifier NOT NULL,
    [TreatmentId] uniqueidentifier NOT NULL,
    [Mode] varchar(16) NOT NULL,
    [Conditions] nvarchar(500) NULL,
    [ValidFrom] date NULL,
    [ValidUntil] date NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_ProfessionalScopes] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_ProfessionalScopes_Professionals_ProfessionalId] FOREIGN KEY ([ProfessionalId]) REFERENCES [Professionals] ([Id]) ON DELETE CASCADE,
    CONSTRAINT [FK_ProfessionalScopes_Treatments_TreatmentId] FOREIGN KEY ([TreatmentId]) REFERENCES [Treatments] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [WorkingHours] (
    [Id] uniqueidentifier NOT NULL,
    [ProfessionalId] uniqueidentifier NOT NULL,
    [Day] varchar(10) NOT NULL,
    [Start] time NOT NULL,
    [End] time NOT NULL,
    CONSTRAINT [PK_WorkingHours] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_WorkingHours_Professionals_ProfessionalId] FOREIGN KEY ([ProfessionalId]) REFERENCES [Professionals] ([Id]) ON DELETE CASCADE
);
GO

CREATE INDEX [IX_AvailabilityExceptions_ProfessionalId_Date] ON [AvailabilityExceptions] ([ProfessionalId], [Date]);
GO

CREATE UNIQUE INDEX [IX_ClinicClosedDays_Date] ON [ClinicClosedDays] ([Date]);
GO

CREATE UNIQUE INDEX [IX_Equipment_Name] ON [Equipment] ([Name]);
GO

CREATE INDEX [IX_Professionals_FullName] ON [Professionals] ([FullName]);
GO

CREATE INDEX [IX_Professionals_SupervisorId] ON [Professionals] ([SupervisorId]);
GO

CREATE UNIQUE INDEX [IX_Professionals_UserId] ON [Professionals] ([UserId]) WHERE [UserId] IS NOT NULL;
GO

CREATE INDEX [IX_ProfessionalScopes_ProfessionalId_TreatmentId] ON [ProfessionalScopes] ([ProfessionalId], [TreatmentId]);
GO

CREATE INDEX [IX_ProfessionalScopes_TreatmentId] ON [ProfessionalScopes] ([TreatmentId]);
GO

CREATE INDEX [IX_RoomEquipment_RoomId] ON [RoomEquipment] ([RoomId]);
GO

CREATE UNIQUE INDEX [IX_Rooms_Name] ON [Rooms] ([Name]);
GO

CREATE INDEX [IX_TreatmentRequiredEquipment_TreatmentId] ON [TreatmentRequiredEquipment] ([TreatmentId]);
GO

CREATE INDEX [IX_Treatments_Name] ON [Treatments] ([Name]);
GO

CREATE INDEX [IX_WorkingHours_ProfessionalId_Day] ON [WorkingHours] ([ProfessionalId], [Day]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261121010000_ProfessionalsAndCatalog', N'10.0.15');
GO

CREATE TABLE [ConsentTerms] (
    [Id] uniqueidentifier NOT NULL,
    [Purpose] varchar(32) NOT NULL,
    [Version] varchar(20) NOT NULL,
    [Text] nvarchar(max) NOT NULL,
    [Sha256] varchar(64) NOT NULL,
    [EffectiveFrom] date NOT NULL,
    CONSTRAINT [PK_ConsentTerms] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Patients] (
    [Id] uniqueidentifier NOT NULL,
    [FullName] nvarchar(200) NOT NULL,
    [SocialName] nvarchar(200) NULL,
    [BirthDate] date NOT NULL,
    [Sex] varchar(16) NOT NULL,
    [Cpf] varchar(14) NULL,
    [IsForeigner] bit NOT NULL,
    [PassportNumber] varchar(20) NULL,
    [PassportCountry] nvarchar(60) NULL,
    [Cns] varchar(15) NULL,
    [Rg] varchar(20) NULL,
    [RgIssuer] nvarchar(20) NULL,
    [MobilePhone] varchar(20) NULL,
    [OtherPhone] varchar(20) NULL,
    [Email] nvarchar(200) NULL,
    [PreferredChannel] varchar(16) NOT NULL,
    [PostalCode] varchar(15) NULL,
    [Street] nvarchar(200) NULL,
    [Number] nvarchar(20) NULL,
    [Complement] nvarchar(100) NULL,
    [District] nvarchar(100) NULL,
    [City] nvarchar(100) NULL,
    [State] varchar(2) NULL,
    [Occupation] nvarchar(100) NULL,
    [EmergencyContactName] nvarchar(200) NULL,
    [EmergencyContactRelationship] nvarchar(60) NULL,
    [EmergencyContactPhone] varchar(20) NULL,
    [GuardianName] nvarchar(200) NULL,
    [GuardianRelationship] nvarchar(60) NULL,
    [GuardianCpf] varchar(14) NULL,
    [GuardianPhone] varchar(20) NULL,
    [SearchName] nvarchar(420) NOT NULL,
    [PhoneDigitsReversed] varchar(40) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [AnonymizedAtUtc] datetime2 NULL,
    [RecordBlocked] bit NOT NULL,
    [RetentionUntil] date NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Patients] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [DataSubjectRequests] (
    [Id] uniqueidentifier NOT NULL,
    [PatientId] uniqueidentifier NOT NULL,
    [Right] varchar(32) NOT NULL,
    [ReceivedAtUtc] datetime2 NOT NULL,
    [DueOn] date NOT NULL,
    [IdentityVerified] bit NOT NULL,
    [Status] varchar(16) NOT NULL,
    [Details] nvarchar(2000) NULL,
    [AnsweredAtUtc] datetime2 NULL,
    [Outcome] nvarchar(2000) NULL,
    [RefusalReason] nvarchar(2000) NULL,
    [HandledByUserId] nvarchar(450) NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_DataSubjectRequests] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_DataSubjectRequests_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [HealthProfiles] (
    [PatientId] uniqueidentifier NOT NULL,
    [Allergies] nvarchar(2000) NULL,
    [NoKnownAllergies] bit NOT NULL,
    [AllergiesConfirmedAtUtc] datetime2 NULL,
    [CurrentMedications] nvarchar(2000) NULL,
    [MedicationsConfirmedAtUtc] datetime2 NULL,
    [MedicalConditions] nvarchar(2000) NULL,
    [ConditionsConfirmedAtUtc] datetime2 NULL,
    [PreviousAestheticProcedures] nvarchar(2000) NULL,
    [PreviousProceduresConfirmedAtUtc] datetime2 NULL,
    [Contraindications] nvarchar(2000) NULL,
    [ContraindicationsConfirmedAtUtc] datetime2 NULL,
    [Pregnant] bit NOT NULL,
    [Breastfeeding] bit NOT NULL,
    [PregnancyStatedOn] date NULL,
    [FitzpatrickType] int NULL,
    [FitzpatrickConfirmedAtUtc] datetime2 NULL,
    [AestheticGoals] nvarchar(2000) NULL,
    [GoalsConfirmedAtUtc] datetime2 NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_HealthProfiles] PRIMARY KEY ([PatientId]),
    CONSTRAINT [FK_HealthProfiles_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE CASCADE
);
GO

CREATE TABLE [PatientConsents] (
    [Id] uniqueidentifier NOT NULL,
    [PatientId] uniqueidentifier NOT NULL,
    [Purpose] varchar(32) NOT NULL,
    [TermId] uniqueidentifier NOT NULL,
    [GrantedAtUtc] datetime2 NOT NULL,
    [RecordedByUserId] nvarchar(450) NULL,
    [RecordedByName] nvarchar(256) NULL,
    [Method] varchar(16) NOT NULL,
    [WithdrawnAtUtc] datetime2 NULL,
    [WithdrawnByUserId] nvarchar(450) NULL,
    [WithdrawnByName] nvarchar(256) NULL,
    [WithdrawalReason] nvarchar(500) NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_PatientConsents] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_PatientConsents_ConsentTerms_TermId] FOREIGN KEY ([TermId]) REFERENCES [ConsentTerms] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_PatientConsents_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [PatientNameTokens] (
    [PatientId] uniqueidentifier NOT NULL,
    [Token] nvarchar(100) NOT NULL,
    CONSTRAINT [PK_PatientNameTokens] PRIMARY KEY ([PatientId], [Token]),
    CONSTRAINT [FK_PatientNameTokens_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE CASCADE
);
GO

CREATE UNIQUE INDEX [IX_ConsentTerms_Purpose_Version] ON [ConsentTerms] ([Purpose], [Version]);
GO

CREATE INDEX [IX_DataSubjectRequests_PatientId] ON [DataSubjectRequests] ([PatientId]);
GO

CREATE INDEX [IX_DataSubjectRequests_Status_DueOn] ON [DataSubjectRequests] ([Status], [DueOn]);
GO

CREATE INDEX [IX_PatientConsents_PatientId_Purpose] ON [PatientConsents] ([PatientId], [Purpose]);
GO

CREATE INDEX [IX_PatientConsents_TermId] ON [PatientConsents] ([TermId]);
GO

CREATE INDEX [IX_PatientNameTokens_Token_PatientId] ON [PatientNameTokens] ([Token], [PatientId]);
GO

CREATE UNIQUE INDEX [IX_Patients_Cpf] ON [Patients] ([Cpf]) WHERE [Cpf] IS NOT NULL;
GO

CREATE INDEX [IX_Patients_PhoneDigitsReversed] ON [Patients] ([PhoneDigitsReversed]);
GO

CREATE INDEX [IX_Patients_SearchName_BirthDate] ON [Patients] ([SearchName], [BirthDate]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261121020000_Patients', N'10.0.15');
GO

CREATE TABLE [SchedulingSettings] (
    [Id] int NOT NULL,
    [SlotMinutes] int NOT NULL,
    [OpensAt] time NOT NULL,
    [ClosesAt] time NOT NULL,
    [LateCancellationNoticeHours] int NOT NULL,
    [LateCancellationFee] decimal(10,2) NOT NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_SchedulingSettings] PRIMARY KEY ([Id])
);
GO

CREATE TABLE [Appointments] (
    [Id] uniqueidentifier NOT NULL,
    [PatientId] uniqueidentifier NOT NULL,
    [ProfessionalId] uniqueidentifier NOT NULL,
    [TreatmentId] uniqueidentifier NOT NULL,
    [RoomId] uniqueidentifier NULL,
    [StartUtc] datetime2 NOT NULL,
    [EndUtc] datetime2 NOT NULL,
    [Status] varchar(16) NOT NULL,
    [Notes] nvarchar(1000) NULL,
    [SupervisorId] uniqueidentifier NULL,
    [RescheduledFromId] uniqueidentifier NULL,
    [MoveCount] int NOT NULL,
    [CancelledAtUtc] datetime2 NULL,
    [CancelledByName] nvarchar(256) NULL,
    [CancellationReason] nvarchar(500) NULL,
    [CancellationFee] decimal(10,2) NULL,
    [AcknowledgedWarnings] nvarchar(1000) NULL,
    [CreatedAtUtc] datetime2 NOT NULL,
    [CreatedByName] nvarchar(256) NULL,
    [UpdatedAtUtc] datetime2 NOT NULL,
    [UpdatedByName] nvarchar(256) NULL,
    [Version] uniqueidentifier NOT NULL,
    CONSTRAINT [PK_Appointments] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_Appointments_Appointments_RescheduledFromId] FOREIGN KEY ([RescheduledFromId]) REFERENCES [Appointments] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Appointments_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Appointments_Professionals_ProfessionalId] FOREIGN KEY ([ProfessionalId]) REFERENCES [Professionals] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Appointments_Professionals_SupervisorId] FOREIGN KEY ([SupervisorId]) REFERENCES [Professionals] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Appointments_Rooms_RoomId] FOREIGN KEY ([RoomId]) REFERENCES [Rooms] ([Id]) ON DELETE NO ACTION,
    CONSTRAINT [FK_Appointments_Treatments_TreatmentId] FOREIGN KEY ([TreatmentId]) REFERENCES [Treatments] ([Id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [AppointmentStatusChanges] (
    [Id] uniqueidentifier NOT NULL,
    [AppointmentId] uniqueidentifier NOT NULL,
    [From] varchar(16) NULL,
    [To] varchar(16) NOT NULL,
    [AtUtc] datetime2 NOT NULL,
    [ByUserId] nvarchar(450) NULL,
    [ByName] nvarchar(256) NULL,
    [Note] nvarchar(500) NULL,
    CONSTRAINT [PK_AppointmentStatusChanges] PRIMARY KEY ([Id]),
    CONSTRAINT [FK_AppointmentStatusChanges_Appointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]) ON DELETE CASCADE
);
GO

CREATE INDEX [IX_Appointments_PatientId_StartUtc] ON [Appointments] ([PatientId], [StartUtc]);
GO

CREATE INDEX [IX_Appointments_ProfessionalId_StartUtc] ON [Appointments] ([ProfessionalId], [StartUtc]);
GO

CREATE INDEX [IX_Appointments_RescheduledFromId] ON [Appointments] ([RescheduledFromId]);
GO

CREATE INDEX [IX_Appointments_RoomId_StartUtc] ON [Appointments] ([RoomId], [StartUtc]);
GO

CREATE INDEX [IX_Appointments_StartUtc] ON [Appointments] ([StartUtc]);
GO

CREATE INDEX [IX_Appointments_SupervisorId] ON [Appointments] ([SupervisorId]);
GO

CREATE INDEX [IX_Appointments_TreatmentId] ON [Appointments] ([TreatmentId]);
GO

CREATE INDEX [IX_AppointmentStatusChanges_AppointmentId_AtUtc] ON [AppointmentStatusChanges] ([AppointmentId], [AtUtc]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261121040000_Scheduling', N'10.0.15');
GO

DROP INDEX [IX_AuditEntries_UserId] ON [AuditEntries];
GO

CREATE INDEX [IX_AuditEntries_UserId_Sequence] ON [AuditEntries] ([UserId], [Sequence]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261122000000_AuditTrailByUser', N'10.0.15');
GO

ALTER TABLE [AspNetUsers] ADD [MustEnrollTwoFactor] bit NOT NULL DEFAULT CAST(0 AS bit);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261128000000_MustEnrollTwoFactor', N'10.0.15');
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261128060235_ModelBaseline', N'10.0.15');
GO

CREATE TABLE QRTZ_JOB_DETAILS (
    SCHED_NAME nvarchar(120) NOT NULL,
    JOB_NAME nvarchar(150) NOT NULL,
    JOB_GROUP nvarchar(150) NOT NULL,
    DESCRIPTION nvarchar(250) NULL,
    JOB_CLASS_NAME nvarchar(250) NOT NULL,
    IS_DURABLE bit NOT NULL,
    IS_NONCONCURRENT bit NOT NULL,
    IS_UPDATE_DATA bit NOT NULL,
    REQUESTS_RECOVERY bit NOT NULL,
    JOB_DATA varbinary(max) NULL,
    CONSTRAINT PK_QRTZ_JOB_DETAILS PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
)
GO

CREATE TABLE QRTZ_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    JOB_NAME nvarchar(150) NOT NULL,
    JOB_GROUP nvarchar(150) NOT NULL,
    DESCRIPTION nvarchar(250) NULL,
    NEXT_FIRE_TIME bigint NULL,
    PREV_FIRE_TIME bigint NULL,
    PRIORITY int NULL,
    TRIGGER_STATE nvarchar(16) NOT NULL,
    TRIGGER_TYPE nvarchar(8) NOT NULL,
    START_TIME bigint NOT NULL,
    END_TIME bigint NULL,
    CALENDAR_NAME nvarchar(200) NULL,
    MISFIRE_INSTR int NULL,
    MISFIRE_ORIG_FIRE_TIME bigint NULL,
    EXECUTION_GROUP nvarchar(200) NULL,
    PREFERRED_NODE nvarchar(200) NULL,
    PREFERRED_NODE_AUTO bit NOT NULL DEFAULT 0,
    RETRY_POLICY nvarchar(250) NULL,
    RETRY_ATTEMPT int NULL,
    CONTINUES_TRIGGER_NAME nvarchar(150) NULL,
    CONTINUES_TRIGGER_GROUP nvarchar(150) NULL,
    CONTINUATION_CONDITION int NULL,
    OVERLAP_POLICY int NULL,
    PAUSE_REASON nvarchar(250) NULL,
    PAUSED_BY nvarchar(200) NULL,
    PAUSED_AT bigint NULL,
    MISFIRE_THRESHOLD bigint NULL,
    FIXED_DELAY bit NULL,
    JOB_DATA varbinary(max) NULL,
    CONSTRAINT PK_QRTZ_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_TRIGGERS_JOB_DETAILS FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
)
GO

CREATE TABLE QRTZ_SIMPLE_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    REPEAT_COUNT bigint NOT NULL,
    REPEAT_INTERVAL bigint NOT NULL,
    TIMES_TRIGGERED bigint NOT NULL,
    CONSTRAINT PK_QRTZ_SIMPLE_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_SIMPLE_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)
GO

CREATE TABLE QRTZ_CRON_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    CRON_EXPRESSION nvarchar(250) NOT NULL,
    TIME_ZONE_ID nvarchar(80) NULL,
    CONSTRAINT PK_QRTZ_CRON_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_CRON_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)
GO

CREATE TABLE QRTZ_SIMPROP_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    STR_PROP_1 nvarchar(512) NULL,
    STR_PROP_2 nvarchar(512) NULL,
    STR_PROP_3 nvarchar(512) NULL,
    INT_PROP_1 int NULL,
    INT_PROP_2 int NULL,
    LONG_PROP_1 bigint NULL,
    LONG_PROP_2 bigint NULL,
    DEC_PROP_1 numeric(13,4) NULL,
    DEC_PROP_2 numeric(13,4) NULL,
    BOOL_PROP_1 bit NULL,
    BOOL_PROP_2 bit NULL,
    TIME_ZONE_ID nvarchar(80) NULL,
    CONSTRAINT PK_QRTZ_SIMPROP_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_SIMPROP_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)
GO

CREATE TABLE QRTZ_BLOB_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    BLOB_DATA varbinary(max) NULL,
    CONSTRAINT PK_QRTZ_BLOB_TRIGGERS PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT FK_QRTZ_BLOB_TRIGGERS_TRIGGERS FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
)
GO

CREATE TABLE QRTZ_CALENDARS (
    SCHED_NAME nvarchar(120) NOT NULL,
    CALENDAR_NAME nvarchar(200) NOT NULL,
    CALENDAR varbinary(max) NOT NULL,
    CONSTRAINT PK_QRTZ_CALENDARS PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
)
GO

CREATE TABLE QRTZ_PAUSED_TRIGGER_GRPS (
    SCHED_NAME nvarchar(120) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    PAUSE_REASON nvarchar(250) NULL,
    PAUSED_BY nvarchar(200) NULL,
    PAUSED_AT bigint NULL,
    CONSTRAINT PK_QRTZ_PAUSED_TRIGGER_GRPS PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
)
GO

CREATE TABLE QRTZ_PAUSED_JOB_GRPS (
    SCHED_NAME nvarchar(120) NOT NULL,
    JOB_GROUP nvarchar(150) NOT NULL,
    PAUSE_REASON nvarchar(250) NULL,
    PAUSED_BY nvarchar(200) NULL,
    PAUSED_AT bigint NULL,
    CONSTRAINT PK_QRTZ_PAUSED_JOB_GRPS PRIMARY KEY (SCHED_NAME, JOB_GROUP)
)
GO

CREATE TABLE QRTZ_FIRED_TRIGGERS (
    SCHED_NAME nvarchar(120) NOT NULL,
    ENTRY_ID nvarchar(140) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    INSTANCE_NAME nvarchar(200) NOT NULL,
    FIRED_TIME bigint NOT NULL,
    SCHED_TIME bigint NOT NULL,
    PRIORITY int NOT NULL,
    STATE nvarchar(16) NOT NULL,
    JOB_NAME nvarchar(150) NULL,
    JOB_GROUP nvarchar(150) NULL,
    IS_NONCONCURRENT bit NULL,
    REQUESTS_RECOVERY bit NULL,
    EXECUTION_GROUP nvarchar(200) NULL,
    PROGRESS int NULL,
    PROGRESS_MESSAGE nvarchar(250) NULL,
    INTERRUPT_REQUESTED_TIME bigint NULL,
    CONSTRAINT PK_QRTZ_FIRED_TRIGGERS PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)
GO

CREATE TABLE QRTZ_SCHEDULER_STATE (
    SCHED_NAME nvarchar(120) NOT NULL,
    INSTANCE_NAME nvarchar(200) NOT NULL,
    LAST_CHECKIN_TIME bigint NOT NULL,
    CHECKIN_INTERVAL bigint NOT NULL,
    QUARTZ_VERSION nvarchar(20) NULL,
    CONSTRAINT PK_QRTZ_SCHEDULER_STATE PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
)
GO

CREATE TABLE QRTZ_LOCKS (
    SCHED_NAME nvarchar(120) NOT NULL,
    LOCK_NAME nvarchar(40) NOT NULL,
    CONSTRAINT PK_QRTZ_LOCKS PRIMARY KEY (SCHED_NAME, LOCK_NAME)
)
GO

CREATE TABLE QRTZ_EXECUTION_HISTORY (
    SCHED_NAME nvarchar(120) NOT NULL,
    ENTRY_ID nvarchar(140) NOT NULL,
    INSTANCE_NAME nvarchar(200) NOT NULL,
    JOB_NAME nvarchar(150) NOT NULL,
    JOB_GROUP nvarchar(150) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    FIRED_TIME bigint NOT NULL,
    RUN_TIME bigint NOT NULL,
    SUCCEEDED bit NOT NULL,
    ERROR_MESSAGE nvarchar(1000) NULL,
    RETRY_ATTEMPT int NOT NULL DEFAULT 0,
    RETRY_SCHEDULED bit NOT NULL DEFAULT 0,
    EXECUTION_LOG nvarchar(max) NULL,
    RESULT int NULL,
    SUMMARY nvarchar(1000) NULL,
    METRICS nvarchar(max) NULL,
    MANUAL bit NULL,
    FIRE_INSTANCE_ID nvarchar(140) NULL,
    JOB_INPUT nvarchar(max) NULL,
    JOB_INPUT_TOO_LARGE bit NULL,
    CONSTRAINT PK_QRTZ_EXECUTION_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)
GO

CREATE TABLE QRTZ_MISFIRE_HISTORY (
    SCHED_NAME nvarchar(120) NOT NULL,
    ENTRY_ID nvarchar(140) NOT NULL,
    INSTANCE_NAME nvarchar(200) NOT NULL,
    TRIGGER_NAME nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    JOB_NAME nvarchar(150) NULL,
    JOB_GROUP nvarchar(150) NULL,
    MISFIRE_TIME bigint NOT NULL,
    SCHED_TIME bigint NULL,
    REASON int NULL,
    CONSTRAINT PK_QRTZ_MISFIRE_HISTORY PRIMARY KEY (SCHED_NAME, ENTRY_ID)
)
GO

CREATE TABLE QRTZ_JOB_STATUS (
    SCHED_NAME nvarchar(120) NOT NULL,
    JOB_GROUP nvarchar(150) NOT NULL,
    JOB_NAME nvarchar(150) NOT NULL,
    FIRST_FIRED_TIME bigint NOT NULL,
    LAST_FIRED_TIME bigint NOT NULL,
    LAST_RESULT int NOT NULL,
    LAST_RUN_TIME bigint NOT NULL,
    LAST_INSTANCE_NAME nvarchar(200) NOT NULL,
    LAST_ENTRY_ID nvarchar(140) NULL,
    LAST_SUMMARY nvarchar(1000) NULL,
    LAST_SUCCESS_TIME bigint NULL,
    LAST_FAILURE_TIME bigint NULL,
    LAST_FAILURE_MESSAGE nvarchar(1000) NULL,
    CONSECUTIVE_FAILURES int NOT NULL DEFAULT 0,
    RUN_COUNT bigint NOT NULL DEFAULT 0,
    FAILURE_COUNT bigint NOT NULL DEFAULT 0,
    CONSTRAINT PK_QRTZ_JOB_STATUS PRIMARY KEY (SCHED_NAME, JOB_GROUP, JOB_NAME)
)
GO

CREATE INDEX IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME)
GO

CREATE INDEX IDX_QRTZ_T_J ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP)
GO

CREATE INDEX IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME)
GO

CREATE INDEX IDX_QRTZ_T_C ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME)
GO

CREATE INDEX IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC, MISFIRE_INSTR)
GO

CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY)
GO

CREATE INDEX IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP)
GO

CREATE INDEX IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
GO

CREATE INDEX IDX_QRTZ_EH_FIRED_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRED_TIME)
GO

CREATE INDEX IDX_QRTZ_EH_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, INSTANCE_NAME)
GO

CREATE INDEX IDX_QRTZ_EH_JOB_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME)
GO

CREATE INDEX IDX_QRTZ_EH_FIRE_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRE_INSTANCE_ID)
GO

CREATE INDEX IDX_QRTZ_EH_TRIG_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME)
GO

CREATE INDEX IDX_QRTZ_MH_MISFIRE_TIME ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, MISFIRE_TIME)
GO

CREATE INDEX IDX_QRTZ_MH_INST ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, INSTANCE_NAME)
GO

CREATE TABLE [ClusterCheckIns] (
    [ScheduledAtUtc] datetime2 NOT NULL,
    [Node] nvarchar(200) NOT NULL,
    [RanAtUtc] datetime2 NOT NULL,
    CONSTRAINT [PK_ClusterCheckIns] PRIMARY KEY ([ScheduledAtUtc])
);
GO

CREATE TABLE [JobRuns] (
    [Id] uniqueidentifier NOT NULL,
    [Job] nvarchar(300) NOT NULL,
    [ScheduledAtUtc] datetime2 NOT NULL,
    [StartedAtUtc] datetime2 NOT NULL,
    [FinishedAtUtc] datetime2 NOT NULL,
    [Node] nvarchar(200) NOT NULL,
    [Outcome] nvarchar(20) NOT NULL,
    [Summary] nvarchar(1000) NULL,
    [Error] nvarchar(1000) NULL,
    CONSTRAINT [PK_JobRuns] PRIMARY KEY ([Id])
);
GO

CREATE INDEX [IX_JobRuns_Job_StartedAtUtc] ON [JobRuns] ([Job], [StartedAtUtc]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261128064001_JobStore', N'10.0.15');
GO

CREATE INDEX [IX_AuditEntries_EntityType_Sequence] ON [AuditEntries] ([EntityType], [Sequence]);
GO

INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
VALUES (N'20261128081136_AuditByEntityIndex', N'10.0.15');
GO

