package dk.fristed.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CallerTest {
    @Test
    void fromClaims_apiGatewayListForm_readsEveryKnownGroup() {
        Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", "[clinician admin]"));
        assertEquals(Set.of(Role.CLINICIAN, Role.ADMIN), caller.roles());
    }

    @Test
    void fromClaims_jsonArrayOrCommaForm_readsTheSame() {
        assertEquals(
                Set.of(Role.FINANCE, Role.COORDINATOR),
                Caller.fromClaims(Map.of("sub", "u", "cognito:groups", "[\"finance\",\"coordinator\"]"))
                        .roles());
        assertEquals(
                Set.of(Role.FINANCE),
                Caller.fromClaims(Map.of("sub", "u", "cognito:groups", "finance"))
                        .roles());
    }

    @Test
    void fromClaims_unknownOrLookAlikeGroups_grantNothing() {
        Caller caller = Caller.fromClaims(Map.of("sub", "u", "cognito:groups", "[Admin superuser clinicians]"));
        assertEquals(Set.of(), caller.roles());
    }

    @Test
    void fromClaims_noSubject_isNotAuthenticated() {
        assertFalse(Caller.fromClaims(Map.of("cognito:groups", "[admin]")).isAuthenticated());
        assertFalse(Caller.fromClaims(null).isAuthenticated());
    }
}
