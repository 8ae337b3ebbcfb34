package vn.archive.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.model.Clearance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two stores over one folder stand for the portal and the {@code users} verb: each sees the other's changes. */
class UserStoreTest {
    @TempDir
    Path data;

    @Test
    void a_store_sees_a_change_another_store_wrote_to_the_same_file() throws IOException {
        UserStore portal = UserStore.open(data);
        UserStore verb = UserStore.open(data);
        portal.create("quantri", Role.ADMIN, Clearance.TUYET_MAT);
        assertTrue(verb.find("quantri").isPresent(), "reloaded on read");
        verb.create("lan", Role.READER, Clearance.MAT);
        verb.update("lan", null, Clearance.NONE, false);
        User seen = portal.find("lan").orElseThrow();
        assertEquals(Clearance.NONE, seen.clearance());
        assertFalse(seen.enabled());
    }

    @Test
    void a_change_through_a_stale_store_keeps_the_other_stores_changes() throws IOException {
        UserStore portal = UserStore.open(data);
        UserStore verb = UserStore.open(data);
        portal.list();
        verb.list();
        portal.create("quantri", Role.ADMIN, Clearance.TUYET_MAT);
        verb.create("lan", Role.READER, Clearance.MAT);
        portal.update("lan", Role.ARCHIVIST, null, null);
        assertEquals(List.of("quantri", "lan"), UserStore.open(data).list().stream().map(User::name).toList());
        assertEquals(Role.ARCHIVIST, verb.find("lan").orElseThrow().role());
        assertThrows(AccountException.class, () -> verb.create("quantri", Role.READER, Clearance.NONE),
                "a duplicate is seen even when created by the other store");
    }

    @Test
    void accounts_written_before_the_enabled_flag_existed_read_back_as_enabled() throws IOException {
        Files.writeString(data.resolve(UserStore.FILE), """
                [ {"name":"admin","role":"ADMIN","clearance":"TUYET_MAT","passwordHash":"%s"} ]
                """.formatted(Passwords.hash("mat-khau-cu-1")), StandardCharsets.UTF_8);
        UserStore store = UserStore.open(data);
        assertTrue(store.find("admin").orElseThrow().enabled());
        assertTrue(store.authenticate("admin", "mat-khau-cu-1").isPresent());
    }

    @Test
    void the_last_enabled_admin_is_kept_and_a_disabled_admin_does_not_count() throws IOException {
        UserStore store = UserStore.open(data);
        store.create("quantri", Role.ADMIN, Clearance.TUYET_MAT);
        store.create("pho", Role.ADMIN, Clearance.TUYET_MAT);
        store.update("pho", null, null, false);
        AccountException e = assertThrows(AccountException.class, () -> store.update("quantri", Role.READER, null, null));
        assertEquals(AccountException.Reason.LAST_ADMIN, e.reason());
        assertThrows(AccountException.class, () -> store.update("quantri", null, null, false));
        store.update("pho", null, null, true);
        assertEquals(Role.READER, store.update("quantri", Role.READER, null, null).role());
        assertFalse(Files.readString(data.resolve(UserStore.FILE)).contains("\"enabled\""), "only the stored flag is written");
    }
}
