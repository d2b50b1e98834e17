package org.practicealerts.embedded;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes one bean's method fail once, as a MongoDB connection reset would, for the first call about an armed id. The
 * bean is wrapped as a spy when the context creates it: stubbing a spy later would race the service's own threads
 * that already use it.
 */
public final class FailOnce {

    private final Class<?> type;
    private final String method;
    private final BiPredicate<InvocationOnMock, String> about;
    private final AtomicReference<String> armed = new AtomicReference<>();
    private final AtomicBoolean failed = new AtomicBoolean();

    /** @param about whether a call is about the armed id */
    public FailOnce(Class<?> type, String method, BiPredicate<InvocationOnMock, String> about) {
        this.type = type;
        this.method = method;
        this.about = about;
    }

    /** The next call about {@code id} fails (once). */
    public void arm(String id) {
        failed.set(false);
        armed.set(id);
    }

    public boolean failed() {
        return failed.get();
    }

    /** Declare as a static {@code @Bean} of a test configuration. */
    public BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!type.isInstance(bean)) {
                    return bean;
                }
                return Mockito.mock(bean.getClass(), Mockito.withSettings().spiedInstance(bean).defaultAnswer(call -> {
                    String id = armed.get();
                    if (call.getMethod().getName().equals(method) && id != null && about.test(call, id)
                            && failed.compareAndSet(false, true)) {
                        throw new MongoSocketReadException("connection reset", new ServerAddress());
                    }
                    return call.callRealMethod();
                }));
            }
        };
    }
}
