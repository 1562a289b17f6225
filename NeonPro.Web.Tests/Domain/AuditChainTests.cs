using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Tests.Domain;

public sealed class AuditChainTests
{
    private static AuditEntry Sample() => new()
    {
        Sequence = 7,
        PreviousHash = new string('a', 64),
        OccurredAtUtc = new DateTime(2026, 3, 10, 13, 45, 12, 345, DateTimeKind.Utc).AddTicks(6780),
        UserId = "user-1",
        UserName = "gerente@clinica.test",
        Role = "Manager",
        IpAddress = "10.0.0.7",
        UserAgent = "Mozilla/5.0",
        Action = AuditAction.Update,
        EntityType = "ClinicSettings",
        EntityId = "1",
        OldValues = """{"Name":"Antiga"}""",
        NewValues = """{"Name":"Nova"}""",
    };

    /// <summary>A chain sealed the way the interceptor seals it: 1..n, each row linked to the one before.</summary>
    private static List<AuditEntry> Chain(int length)
    {
        var rows = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var row = Sample();
            row.Sequence = i;
            row.EntityId = i.ToString();
            row.PreviousHash = previous;
            row.Hash = AuditChain.ComputeHash(row);
            previous = row.Hash;
            rows.Add(row);
        }
        return rows;
    }

    private static readonly string[] Hashed =
    [
        nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Sequence), nameof(AuditEntry.OccurredAtUtc), nameof(AuditEntry.UserId),
        nameof(AuditEntry.UserName), nameof(AuditEntry.Role), nameof(AuditEntry.IpAddress), nameof(AuditEntry.UserAgent),
        nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.OldValues),
        nameof(AuditEntry.NewValues),
    ];

    public static TheoryData<string> HashedFields() => new(Hashed);

    [Theory]
    [MemberData(nameof(HashedFields))]
    public void Hash_changes_when_any_field_changes(string field)
    {
        var original = AuditChain.ComputeHash(Sample());
        var changed = Sample();
        switch (field)
        {
            case nameof(AuditEntry.PreviousHash): changed.PreviousHash = new string('b', 64); break;
            case nameof(AuditEntry.Sequence): changed.Sequence = 8; break;
            case nameof(AuditEntry.OccurredAtUtc): changed.OccurredAtUtc = changed.OccurredAtUtc.AddTicks(10); break;
            case nameof(AuditEntry.UserId): changed.UserId = "user-2"; break;
            case nameof(AuditEntry.UserName): changed.UserName = "outra@clinica.test"; break;
            case nameof(AuditEntry.Role): changed.Role = "Admin"; break;
            case nameof(AuditEntry.IpAddress): changed.IpAddress = "10.0.0.8"; break;
            case nameof(AuditEntry.UserAgent): changed.UserAgent = "curl/8"; break;
            case nameof(AuditEntry.Action): changed.Action = AuditAction.Delete; break;
            case nameof(AuditEntry.EntityType): changed.EntityType = "Patient"; break;
            case nameof(AuditEntry.EntityId): changed.EntityId = "2"; break;
            case nameof(AuditEntry.OldValues): changed.OldValues = """{"Name":"Antigo"}"""; break;
            case nameof(AuditEntry.NewValues): changed.NewValues = """{"Name":"Novo"}"""; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
        Assert.NotEqual(original, AuditChain.ComputeHash(changed));
    }

    [Fact]
    public void Hash_covers_every_stored_field_but_the_row_id_and_the_hash_itself()
    {
        // A new column on AuditEntry must be added to the hash (and to Hashed above), or it could be edited unseen.
        var stored = typeof(AuditEntry).GetProperties().Select(p => p.Name).Except([nameof(AuditEntry.Id), nameof(AuditEntry.Hash)]).Order();
        Assert.Equal(Hashed.Order(), stored);
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Sample();
        a.UserId = "ab";
        a.UserName = "c";
        var b = Sample();
        b.UserId = "a";
        b.UserName = "bc";
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void A_missing_value_and_any_text_hash_differently()
    {
        var missing = Sample();
        missing.EntityId = null;
        foreach (var text in new[] { "", "\u0000", "-" })
        {
            var present = Sample();
            present.EntityId = text;
            Assert.NotEqual(AuditChain.ComputeHash(missing), AuditChain.ComputeHash(present));
        }
    }

    [Fact]
    public void Hash_is_the_same_for_the_same_row()
    {
        Assert.Equal(AuditChain.ComputeHash(Sample()), AuditChain.ComputeHash(Sample()));
        Assert.Matches("^[0-9a-f]{64}$", AuditChain.ComputeHash(Sample()));
    }

    [Fact]
    public void An_intact_chain_has_no_break()
    {
        Assert.Null(AuditChain.FindFirstBreak(Chain(5)));
        Assert.Null(AuditChain.FindFirstBreak([]));
    }

    [Fact]
    public void Walk_counts_the_rows_it_checked()
    {
        var walk = new AuditChainWalk();
        foreach (var row in Chain(4)) Assert.Null(walk.Next(row));
        Assert.Equal(4, walk.RowsChecked);
    }

    [Fact]
    public void Changed_content_is_found_at_the_changed_row()
    {
        var chain = Chain(5);
        chain[2].NewValues = """{"Name":"Forjado"}""";
        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.ContentChanged), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void A_row_rehashed_after_editing_breaks_the_link_of_the_next_row()
    {
        var chain = Chain(5);
        chain[2].UserName = "outra@clinica.test";
        chain[2].Hash = AuditChain.ComputeHash(chain[2]);
        Assert.Equal(new AuditChainBreak(4, AuditBreakReason.BrokenLink), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void A_first_row_not_linked_to_genesis_is_a_broken_link()
    {
        var chain = Chain(2);
        chain[0].PreviousHash = new string('f', 64);
        chain[0].Hash = AuditChain.ComputeHash(chain[0]);
        Assert.Equal(new AuditChainBreak(1, AuditBreakReason.BrokenLink), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void A_deleted_row_is_found_at_the_row_after_the_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.MissingRows), AuditChain.FindFirstBreak(chain));
    }

    [Fact]
    public void Deleting_the_first_rows_is_found()
    {
        var chain = Chain(5).Skip(2);
        Assert.Equal(new AuditChainBreak(3, AuditBreakReason.MissingRows), AuditChain.FindFirstBreak(chain));
    }

    /// <summary>The layout as first written (StringBuilder, then UTF-8): every hash already stored was made this way.</summary>
    private static string ReferenceHash(AuditEntry e)
    {
        var sb = new System.Text.StringBuilder();
        void Field(string? value)
        {
            if (value is null) { sb.Append("-|"); return; }
            sb.Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }
        Field(e.PreviousHash);
        Field(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture));
        Field(e.UserId); Field(e.UserName); Field(e.Role); Field(e.IpAddress); Field(e.UserAgent); Field(e.Action.ToString());
        Field(e.EntityType); Field(e.EntityId); Field(e.OldValues); Field(e.NewValues);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString())));
    }

    [Fact]
    public void The_allocation_free_hash_is_byte_for_byte_the_layout_every_stored_row_was_hashed_with()
    {
        var rows = new List<AuditEntry> { Sample() };
        var nulls = Sample();
        nulls.UserId = nulls.UserName = nulls.Role = nulls.IpAddress = nulls.UserAgent = nulls.EntityId = nulls.OldValues = nulls.NewValues = null;
        rows.Add(nulls);
        var accents = Sample();
        accents.NewValues = """{"Name":"Clínica São João ção 😀 \u00e3"}""";
        accents.UserName = "Sistema: âncora da auditoria";
        accents.UserAgent = "\ud800 lone surrogate";
        rows.Add(accents);
        var long_ = Sample();
        long_.Sequence = 9_876_543_210;
        long_.NewValues = "{\"Notes\":\"" + string.Concat(Enumerable.Repeat("ação ", 3000)) + "\"}"; // past the stack buffer
        long_.Action = AuditAction.EmergencyAccess;
        rows.Add(long_);
        var empty = Sample();
        empty.UserName = "";
        empty.EntityType = "";
        rows.Add(empty);

        foreach (var row in rows)
        {
            Assert.Equal(ReferenceHash(row), AuditChain.ComputeHash(row));
            row.Hash = ReferenceHash(row);
            Assert.True(AuditChain.HashMatches(row));
            row.Hash = row.Hash.ToUpperInvariant();
            Assert.False(AuditChain.HashMatches(row));
        }
    }

    private static byte[]? Utf8(string? value) => value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);

    private static Utf8Column Column(byte[]? bytes) => bytes is null ? new Utf8Column(default, isNull: true) : new Utf8Column(bytes);

    /// <summary>The row as SQLite hands it to verify: each text column as its UTF-8 bytes (or NULL), the action by name.</summary>
    private static StoredAuditRow Stored(AuditEntry e, byte[]?[] texts) => new()
    {
        Sequence = e.Sequence,
        OccurredAtUtc = e.OccurredAtUtc,
        PreviousHash = Column(texts[0]), UserId = Column(texts[1]), UserName = Column(texts[2]), Role = Column(texts[3]),
        IpAddress = Column(texts[4]), UserAgent = Column(texts[5]), Action = texts[6], EntityType = Column(texts[7]),
        EntityId = Column(texts[8]), OldValues = Column(texts[9]), NewValues = Column(texts[10]), Hash = Column(texts[11]),
    };

    private static byte[]?[] TextsOf(AuditEntry e) =>
    [
        Utf8(e.PreviousHash), Utf8(e.UserId), Utf8(e.UserName), Utf8(e.Role), Utf8(e.IpAddress), Utf8(e.UserAgent), Utf8(e.Action.ToString()),
        Utf8(e.EntityType), Utf8(e.EntityId), Utf8(e.OldValues), Utf8(e.NewValues), Utf8(e.Hash),
    ];

    /// <summary>Rows whose text is not plain ASCII, absent, empty or long: where a hash over bytes could part from one over strings.</summary>
    private static List<AuditEntry> AwkwardRows()
    {
        var nulls = Sample();
        nulls.UserId = nulls.UserName = nulls.Role = nulls.IpAddress = nulls.UserAgent = nulls.EntityId = nulls.OldValues = nulls.NewValues = null;
        var accents = Sample();
        accents.NewValues = """{"Name":"Clínica São João ção 😀 \u00e3"}""";
        accents.UserName = "Sistema: âncora da auditoria";
        accents.OldValues = "😀😀 four-byte characters count two each in the length prefix";
        var long_ = Sample();
        long_.Sequence = 9_876_543_210;
        long_.NewValues = "{\"Notes\":\"" + string.Concat(Enumerable.Repeat("ação ", 3000)) + "\"}"; // past the stack buffer
        long_.Action = AuditAction.EmergencyAccess;
        var longAscii = Sample();
        longAscii.OldValues = new string('x', 10_000);
        var empty = Sample();
        empty.UserName = "";
        empty.EntityType = "";
        empty.NewValues = "";
        var wholeSecond = Sample();
        wholeSecond.OccurredAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var earlyYear = Sample();
        earlyYear.OccurredAtUtc = new DateTime(999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(1);
        List<AuditEntry> rows = [Sample(), nulls, accents, long_, longAscii, empty, wholeSecond, earlyYear];
        foreach (var row in rows) row.Hash = ReferenceHash(row);
        return rows;
    }

    [Fact]
    public void The_hash_of_a_stored_row_read_as_utf8_is_the_reference_hash_of_the_same_row()
    {
        var hash = new byte[32];
        foreach (var row in AwkwardRows())
        {
            Assert.True(AuditChain.TryHashStored(Stored(row, TextsOf(row)), hash));
            Assert.Equal(ReferenceHash(row), Convert.ToHexStringLower(hash));
        }
    }

    [Fact]
    public void One_hasher_reused_across_rows_of_every_size_gives_each_row_its_reference_hash()
    {
        using var hasher = new StoredRowHasher();
        var hash = new byte[32];
        foreach (var row in AwkwardRows().Concat(AwkwardRows().AsEnumerable().Reverse()))
        {
            Assert.True(hasher.TryHash(Stored(row, TextsOf(row)), hash));
            Assert.Equal(ReferenceHash(row), Convert.ToHexStringLower(hash));
        }
    }

    [Fact]
    public void A_stored_row_that_bytes_cannot_hash_exactly_is_left_to_the_reference_way()
    {
        var row = Sample();
        Span<byte> hash = stackalloc byte[32];
        // Bytes that are not UTF-8: read as a string they become U+FFFD, so only the string's hash is the reference one.
        var texts = TextsOf(row);
        texts[2] = [0x61, 0xFF, 0x62];
        Assert.False(AuditChain.TryHashStored(Stored(row, texts), hash));
        // An action stored by another spelling: the model's converter decides what it reads as.
        texts = TextsOf(row);
        texts[6] = Utf8("update");
        Assert.False(AuditChain.TryHashStored(Stored(row, texts), hash));
    }

    [Fact]
    public void Walking_stored_rows_finds_what_walking_entities_finds()
    {
        List<Func<List<AuditEntry>, List<AuditEntry>>> tamperings =
        [
            chain => chain,
            chain => { chain[2].NewValues = """{"Name":"Forjado ção"}"""; return chain; },
            chain => { chain[2].UserName = "outra@clinica.test"; chain[2].Hash = AuditChain.ComputeHash(chain[2]); return chain; },
            chain => { chain.RemoveAt(1); return chain; },
            chain => { chain[0].PreviousHash = new string('f', 64); chain[0].Hash = AuditChain.ComputeHash(chain[0]); return chain; },
            chain => { chain[3].Hash = chain[3].Hash.ToUpperInvariant(); return chain; },
            chain => { chain[1].OccurredAtUtc = chain[1].OccurredAtUtc.AddTicks(10); return chain; },
        ];
        foreach (var tamper in tamperings)
        {
            var rows = tamper(AwkwardChain());
            var byEntities = new AuditChainWalk();
            var byBytes = new AuditChainWalk();
            AuditChainBreak? entityBreak = null, bytesBreak = null;
            foreach (var row in rows)
                if ((entityBreak = byEntities.Next(row)) is not null) break;
            using var hasher = new StoredRowHasher();
            foreach (var row in rows)
            {
                Assert.True(byBytes.TryNext(Stored(row, TextsOf(row)), hasher, out bytesBreak));
                if (bytesBreak is not null) break;
            }
            Assert.Equal(entityBreak, bytesBreak);
            Assert.Equal(byEntities.RowsChecked, byBytes.RowsChecked);
        }
    }

    /// <summary>The awkward rows sealed into one chain, 1..n.</summary>
    private static List<AuditEntry> AwkwardChain()
    {
        var previous = AuditChain.Genesis;
        var rows = AwkwardRows();
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Sequence = i + 1;
            rows[i].PreviousHash = previous;
            rows[i].Hash = previous = ReferenceHash(rows[i]);
        }
        return rows;
    }
}
