package org.practicealerts.alert.text;

import java.lang.reflect.RecordComponent;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.practicealerts.events.FreeText;
import org.practicealerts.text.SealedText;
import org.springframework.stereotype.Component;

/**
 * Seals every command's {@link FreeText} with the key of the record it is for, on the command bus, before any handler
 * runs: so the aggregate applies events that already carry sealed text, and the event store, the topic and every
 * projection hold it sealed. Whoever sends the command (the API, the demo seeder, a test) goes through here. A
 * command's first component is the id of its aggregate (alert, commendation or informal record): the key it uses.
 */
@Component
public class SealingOnDispatch {

    private final SealedText text;

    /**
     * Registered on the bus here, exactly once. (As a bean implementing {@link MessageDispatchInterceptor} it would
     * also be registered by Axon's auto-configuration, and text would be sealed twice.)
     */
    public SealingOnDispatch(SealedText text, CommandBus bus) {
        this.text = text;
        MessageDispatchInterceptor<CommandMessage<?>> sealing = messages -> (index, message) -> seal(message);
        bus.registerDispatchInterceptor(sealing);
    }

    private CommandMessage<?> seal(CommandMessage<?> message) {
        Object payload = message.getPayload();
        String recordId = recordId(payload);
        if (recordId == null) {
            return message;
        }
        Object sealed = text.sealFreeText(recordId, payload);
        return sealed == payload ? message : new GenericCommandMessage<>(
                new GenericMessage<>(message.getIdentifier(), sealed, message.getMetaData()), message.getCommandName());
    }

    /** The aggregate id a record command is for, or null for a command that is not a record with one. */
    static String recordId(Object command) {
        if (!command.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = command.getClass().getRecordComponents();
        if (components.length == 0 || components[0].getType() != String.class) {
            return null;
        }
        try {
            return (String) components[0].getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the id of " + command.getClass().getName(), e);
        }
    }
}
