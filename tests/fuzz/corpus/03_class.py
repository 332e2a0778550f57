class A(B, metaclass=M):
    @property
    def x(self):
        return self._x
