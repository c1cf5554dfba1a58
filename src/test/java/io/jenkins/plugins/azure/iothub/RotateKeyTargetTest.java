package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The rotation's freestyle form chooses its target as the renewal's does, without a key; nothing of it is saved. */
class RotateKeyTargetTest {

    @Test
    void theTargetChoiceSetsTheFlatFieldsAndComesBackFromThem() {
        RotateKeyConfig policy = new RotateKeyConfig("h-1");
        policy.setTarget(new TargetChoice.Policy("service", null));
        assertEquals("service", policy.getPolicy());
        assertEquals("service", ((TargetChoice.Policy) policy.getTarget()).getPolicy());
        assertNull(policy.getTarget().getKey(), "a rotation chooses its keys itself");

        RotateKeyConfig module = new RotateKeyConfig("h-1");
        module.setPolicy("left-over");
        TargetChoice.Identity chosen = new TargetChoice.Identity("dev-1", null);
        chosen.setModule("mod-1");
        chosen.setDataPlaneAuth("login");
        module.setTarget(chosen);
        assertNull(module.getPolicy());
        assertEquals("dev-1", module.getDevice());
        assertEquals("mod-1", module.getModule());
        assertEquals("login", module.getDataPlaneAuth());
        TargetChoice.Identity back = (TargetChoice.Identity) module.getTarget();
        assertEquals("mod-1", back.getModule());
        assertNull(new RotateKeyConfig("h-1").getTarget());
    }

    @Test
    void theTargetChoiceIsNotSaved() {
        for (Class<?> c = RotateKeyConfig.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                assertFalse(TargetChoice.class.isAssignableFrom(f.getType()), f.getName());
            }
        }
    }
}
