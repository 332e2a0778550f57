"""Abstract base classes: ABC, ABCMeta and @abstractmethod. A class with
abstract methods left cannot be instantiated; register() adds virtual
subclasses for isinstance/issubclass."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False) for f in (value.fget, value.fset, value.fdel))
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    return getattr(value, "__isabstractmethod__", False)


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract method"
                            + ("s" if len(names) > 1 else "") + " " + ", ".join(names))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if type.__subclasscheck__(cls, subclass):
            return True
        hook = cls.__dict__.get("__subclasshook__")
        if hook is not None:
            answer = hook.__func__(cls, subclass) if isinstance(hook, classmethod) else hook(subclass)
            if answer is not NotImplemented:
                return bool(answer)
        return any(issubclass(subclass, registered) for registered in cls._abc_registry)


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it to get ABCMeta as the metaclass."""
    __slots__ = ()


def get_cache_token():
    return 0
