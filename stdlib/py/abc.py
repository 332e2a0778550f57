"""Abstract base classes: ABC, ABCMeta and @abstractmethod. A class with
abstract methods left cannot be instantiated; register() adds virtual
subclasses for isinstance/issubclass."""


_abc_invalidation_counter = 0


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
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _abc_invalidation_counter
        # type.__subclasses__ is not available: each ABC lists its subclasses.
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract method"
                            + ("s" if len(names) > 1 else "") + " " + ", ".join(names))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to
        allow usage as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        # CPython's order: the caches, the class's __subclasshook__, real
        # inheritance, the registry, then each subclass of cls in turn.
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        cache = cls._abc_cache
        if subclass in cache:
            return True
        negative = cls._abc_negative_cache
        if cls._abc_negative_cache_version != _abc_invalidation_counter:
            negative.clear()
            cls._abc_negative_cache_version = _abc_invalidation_counter
        elif subclass in negative:
            return False
        hook = getattr(cls, "__subclasshook__", None)  # gilvm's object has none
        answer = NotImplemented if hook is None else hook(subclass)
        if answer is not NotImplemented:
            if answer:
                cache.add(subclass)
            else:
                negative.add(subclass)
            return answer
        if cls in subclass.__mro__:
            cache.add(subclass)
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                cache.add(subclass)
                return True
        for scls in cls.__dict__.get("_abc_subclasses", ()):
            if issubclass(subclass, scls):
                cache.add(subclass)
                return True
        negative.add(subclass)
        return False


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it to get ABCMeta as the metaclass."""
    __slots__ = ()


def get_cache_token():
    return _abc_invalidation_counter
