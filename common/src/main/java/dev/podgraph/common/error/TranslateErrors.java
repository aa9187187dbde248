package dev.podgraph.common.error;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on every {@code @GraphQLApi} class: whatever its methods throw (including the security,
 * validation and transaction interceptors inside this one) reaches SmallRye GraphQL as a {@link
 * PodgraphException}, so every error has a message meant for clients and an {@code
 * extensions.code}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TranslateErrors {}
