package dev.intropage.migrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Wraps a real data source so that its connections' metadata name another database product. */
final class PretendingDataSource {
  private PretendingDataSource() {}

  static DataSource pretendingToBe(DataSource real, String product) {
    return proxy(
        DataSource.class,
        (proxy, method, args) ->
            method.getName().equals("getConnection")
                ? connection((Connection) invoke(method, real, args), product)
                : invoke(method, real, args));
  }

  private static Connection connection(Connection real, String product) {
    return proxy(
        Connection.class,
        (proxy, method, args) ->
            method.getName().equals("getMetaData")
                ? metaData(real.getMetaData(), product)
                : invoke(method, real, args));
  }

  private static DatabaseMetaData metaData(DatabaseMetaData real, String product) {
    return proxy(
        DatabaseMetaData.class,
        (proxy, method, args) ->
            method.getName().equals("getDatabaseProductName")
                ? product
                : invoke(method, real, args));
  }

  private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            PretendingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof SQLException sql ? sql : e.getCause();
    }
  }
}
